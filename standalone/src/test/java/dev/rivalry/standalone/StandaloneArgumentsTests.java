package dev.rivalry.standalone;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.entry;

class StandaloneArgumentsTests {

	@Test
	void theIdentityProviderListensOn8083ByDefault() {
		StandaloneSettings settings = StandaloneArguments.bind(new String[0]);

		assertThat(settings.identityPort()).isEqualTo(8083);
		assertThat(settings.matchmakerPort()).isEqualTo(8080);
		assertThat(settings.fleetKey()).isEqualTo("dev-fleet-key");
	}

	@Test
	void theIdentityPortIsAShortArgumentLikeTheOtherPorts() {
		String[] args = { "--identity-port=9083", "--rivalry.standalone.kafka-port=29092", "--server.shutdown=immediate" };

		StandaloneSettings settings = StandaloneArguments.bind(args);

		assertThat(settings.identityPort()).isEqualTo(9083);
		assertThat(settings.kafkaPort()).isEqualTo(29092);
		assertThat(StandaloneArguments.forServices(args)).containsExactly("--server.shutdown=immediate");
	}

	@Test
	void aRandomIdentityPortIsRefusedBecauseTheIssuerNamesIt() {
		assertThatException().isThrownBy(() -> StandaloneArguments.bind(new String[] { "--identity-port=0" }))
			.satisfies((failure) -> assertThat(messagesOf(failure)).contains("identityPort"));
	}

	@ParameterizedTest
	@CsvSource({ "8080, 9080", "18080, 19080", "0, 0", "64535, 65535" })
	void eachServicesManagementPortIsItsPortPlusAThousand(int port, int managementPort) {
		assertThat(StandaloneSettings.managementPortOf(port)).isEqualTo(managementPort);
	}

	@ParameterizedTest
	@ValueSource(strings = { "matchmaker-port", "serverlist-port", "engine-port", "identity-port" })
	void aPortWhoseManagementPortWouldNotBeOneIsRefused(String setting) {
		assertThatException().isThrownBy(() -> StandaloneArguments.bind(new String[] { "--" + setting + "=64536" }))
			.satisfies((failure) -> assertThat(messagesOf(failure)).contains("management port"));
	}

	@Test
	void theMatchmakerTrustsTheProviderByIssuerKeysAndAudience() {
		assertThat(Standalone.trust(URI.create("http://localhost:8083"))).containsOnly(
				entry("rivalry.matchmaker.identity.providers[0].issuer",
						URI.create("http://localhost:8083")),
				entry("rivalry.matchmaker.identity.providers[0].jwk-set-uri",
						"http://localhost:8083/.well-known/jwks.json"),
				entry("rivalry.matchmaker.identity.providers[0].audiences[0]",
						"rivalry"));
	}

}
