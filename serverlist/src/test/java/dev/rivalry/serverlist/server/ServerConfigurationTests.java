package dev.rivalry.serverlist.server;

import java.util.Map;

import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.web.development.DevelopmentMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class ServerConfigurationTests {

	private static final DevelopmentMode DEVELOPMENT = new DevelopmentMode(true);

	private static final DevelopmentMode PRODUCTION = new DevelopmentMode(false);

	@Test
	void withoutFleetsTheDevelopmentKeyWorksInDevelopmentModeAndAWarningSaysSo(CapturedOutput output) {
		FleetKeys fleets = new ServerConfiguration().fleetKeys(properties(Map.of()), DEVELOPMENT);
		assertThat(fleets.fleetOf("dev-fleet-key")).contains("dev");
		assertThat(output).contains("WARN").contains("rivalry.serverlist.fleets").contains("dev-fleet-key");
	}

	@Test
	void withoutFleetsOutsideDevelopmentModeNoServerCouldRegisterSafelySoTheStartIsRefused() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new ServerConfiguration().fleetKeys(properties(Map.of()), PRODUCTION))
			.withMessageContaining("rivalry.serverlist.fleets")
			.withMessageContaining("no fleet is configured")
			.withMessageContaining("rivalry.development.enabled=true");
	}

	@Test
	void aConfiguredFleetWithTheDevelopmentKeyIsRefusedOutsideDevelopmentMode() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new ServerConfiguration()
				.fleetKeys(properties(Map.of("rivalry.serverlist.fleets.eu", "dev-fleet-key")), PRODUCTION))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("rivalry.serverlist.fleets.eu"))
			.withMessageContaining("rivalry.development.enabled=true");
	}

	@Test
	void aFleetNamedWithDotsIsNamedInBrackets() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new ServerConfiguration()
				.fleetKeys(properties(Map.of("rivalry.serverlist.fleets[eu.main]", "dev-fleet-key")), PRODUCTION))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("rivalry.serverlist.fleets[eu.main]"));
	}

	@Test
	void aConfiguredFleetWithTheDevelopmentKeyIsWarnedAboutInDevelopmentMode(CapturedOutput output) {
		FleetKeys fleets = new ServerConfiguration()
			.fleetKeys(properties(Map.of("rivalry.serverlist.fleets.eu", "dev-fleet-key")), DEVELOPMENT);
		assertThat(fleets.fleetOf("dev-fleet-key")).contains("eu");
		assertThat(output).contains("WARN").contains("Fleet 'eu' uses the well-known development key");
	}

	@Test
	void configuredFleetsAloneRegister(CapturedOutput output) {
		FleetKeys fleets = new ServerConfiguration()
			.fleetKeys(properties(Map.of("rivalry.serverlist.fleets.eu", "eu-key-0123456789")), PRODUCTION);
		assertThat(fleets.fleetOf("dev-fleet-key")).isEmpty();
		assertThat(fleets.fleetOf("eu-key-0123456789")).contains("eu");
		assertThat(output).doesNotContain("WARN");
	}

	private static ServerlistProperties properties(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("rivalry.serverlist", Bindable.of(ServerlistProperties.class));
	}

}
