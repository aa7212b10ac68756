package dev.rivalry.matchmaker.system;

import java.time.Duration;

import dev.rivalry.limits.Rate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

class MatchmakerPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void defaultsAreUsable() {
		this.runner.run((context) -> {
			MatchmakerProperties properties = context.getBean(MatchmakerProperties.class);
			assertThat(properties.heartbeat()).isEqualTo(Duration.ofSeconds(15));
			assertThat(properties.subscriptionProbe()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.expiry().interval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.limits().players()).isEqualTo(10);
			assertThat(properties.limits().attributes()).isEqualTo(32);
			assertThat(properties.limits().regions()).isEmpty();
			assertThat(properties.rateLimits().createsPerPlayer()).isEqualTo(Rate.valueOf("20/1m"));
			assertThat(properties.rateLimits().failedTokensPerAddress()).isEqualTo(Rate.valueOf("60/1m"));
			assertThat(properties.rateLimits().streamsPerTicket()).isEqualTo(3);
			assertThat(properties.rateLimits().streamLease()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.shedding().enabled()).isTrue();
			assertThat(properties.shedding().latencyTarget()).isEqualTo(Duration.ofMillis(100));
		});
	}

	@Test
	void aRateIsWrittenAsCapacityPerPeriod() {
		this.runner.withPropertyValues("rivalry.matchmaker.rate-limits.creates-per-player=5/10s").run((context) -> {
			assertThat(context.getBean(MatchmakerProperties.class).rateLimits().createsPerPlayer())
				.isEqualTo(new Rate(5, Duration.ofSeconds(10)));
		});
	}

	@ParameterizedTest
	@CsvSource({ "rivalry.matchmaker.limits.players=0, limits.players", "rivalry.matchmaker.expiry.batch=0, expiry.batch",
			"rivalry.matchmaker.limits.attributes=65, limits.attributes",
			"rivalry.matchmaker.limits.regions=eu/west, limits.regions[0]",
			"rivalry.matchmaker.heartbeat=soon, rivalry.matchmaker.heartbeat",
			"rivalry.matchmaker.subscription-probe=10ms, subscriptionProbe",
			"rivalry.matchmaker.identity.clock-skew=10m, identity.clockSkew",
			"rivalry.matchmaker.identity.providers[0].issuer=x, identity.providers[0].jwkSetUri",
			"rivalry.matchmaker.identity.player-claim=, identity.playerClaim",
			"rivalry.matchmaker.rate-limits.creates-per-player=20, rivalry.matchmaker.rate-limits.creates-per-player",
			"rivalry.matchmaker.rate-limits.reads-per-address=0/1m, rivalry.matchmaker.rate-limits.reads-per-address",
			"rivalry.matchmaker.rate-limits.streams-per-ticket=0, rateLimits.streamsPerTicket",
			"rivalry.matchmaker.rate-limits.stream-lease=100ms, rateLimits.streamLease",
			"rivalry.matchmaker.shedding.backoff=1, shedding.backoff",
			"rivalry.matchmaker.shedding.latency-target=0s, shedding.latencyTarget",
			"rivalry.matchmaker.shedding.min-limit=100, shedding.initialLimitBetweenMinAndMax" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messagesOf(context.getStartupFailure())).contains(named);
		});
	}

	@ParameterizedTest
	@CsvSource({ "HS256", "none", "hs512" })
	void aSymmetricOrNoAlgorithmForAnIdentityProviderStopsTheStart(String algorithm) {
		this.runner.withPropertyValues("rivalry.matchmaker.identity.providers[0].issuer=https://id.example",
				"rivalry.matchmaker.identity.providers[0].jwk-set-uri=https://id.example/jwks",
				"rivalry.matchmaker.identity.providers[0].audiences[0]=rivalry",
				"rivalry.matchmaker.identity.providers[0].algorithms[0]=" + algorithm)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messagesOf(context.getStartupFailure())).contains("identity.providers[0].algorithms[0]")
					.contains("asymmetric");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MatchmakerProperties.class)
	static class PropertiesOnly {

	}

}
