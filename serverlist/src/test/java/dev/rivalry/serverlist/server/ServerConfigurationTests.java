package dev.rivalry.serverlist.server;

import java.util.Map;

import dev.rivalry.serverlist.system.ServerlistProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ServerConfigurationTests {

	@Test
	void withoutFleetsTheDevelopmentKeyWorksAndAWarningSaysSo(CapturedOutput output) {
		FleetKeys fleets = new ServerConfiguration().fleetKeys(properties(Map.of()));
		assertThat(fleets.fleetOf("dev-fleet-key")).contains("dev");
		assertThat(output).contains("WARN").contains("rivalry.serverlist.fleets").contains("dev-fleet-key");
	}

	@Test
	void aConfiguredFleetWithTheDevelopmentKeyIsWarnedAbout(CapturedOutput output) {
		new ServerConfiguration().fleetKeys(properties(Map.of("rivalry.serverlist.fleets.eu", "dev-fleet-key")));
		assertThat(output).contains("WARN").contains("Fleet 'eu' uses the well-known development key");
	}

	@Test
	void configuredFleetsAloneRegister(CapturedOutput output) {
		FleetKeys fleets = new ServerConfiguration()
			.fleetKeys(properties(Map.of("rivalry.serverlist.fleets.eu", "eu-key-0123456789")));
		assertThat(fleets.fleetOf("dev-fleet-key")).isEmpty();
		assertThat(fleets.fleetOf("eu-key-0123456789")).contains("eu");
		assertThat(output).doesNotContain("WARN");
	}

	private static ServerlistProperties properties(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("rivalry.serverlist", Bindable.of(ServerlistProperties.class));
	}

}
