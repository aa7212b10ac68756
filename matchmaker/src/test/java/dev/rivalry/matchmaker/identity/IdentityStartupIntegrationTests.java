package dev.rivalry.matchmaker.identity;

import java.util.Map;

import dev.rivalry.matchmaker.MatchmakerInstances;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.testsupport.RealKafkaAndRedis;
import dev.rivalry.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No identity provider never silently means "authentication off": the start is refused,
 * naming the setting, unless the explicit development switch is on.
 */
@RealKafkaAndRedis
class IdentityStartupIntegrationTests {

	@Test
	void withoutAnIdentityProviderTheMatchmakerRefusesToStartNamingTheSetting() {
		Throwable failure = catchThrowable(() -> MatchmakerInstances.startWithoutIdentity(TestKafka.bootstrapServers(),
				Map.of()).close());
		assertThat(failure).isNotNull();
		assertThat(messagesOf(failure)).contains("rivalry.matchmaker.identity.providers[0].issuer")
			.contains("rivalry.development.enabled=true");
	}

	@Test
	void theDevelopmentSwitchAloneLetsEveryCallerActForAnyPlayer() {
		try (ConfigurableApplicationContext matchmaker = MatchmakerInstances
			.startWithoutIdentity(TestKafka.bootstrapServers(), Map.of("rivalry.development.enabled", true))) {
			TicketFixtures.clientAs(MatchmakerInstances.portOf(matchmaker), null)
				.post()
				.uri("/v1/tickets")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(TicketFixtures.duelRequest(player("dev")))
				.exchange()
				.expectStatus()
				.isCreated();
		}
	}

}
