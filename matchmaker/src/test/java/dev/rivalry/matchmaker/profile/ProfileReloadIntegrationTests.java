package dev.rivalry.matchmaker.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.rivalry.matchmaker.MatchmakerInstances;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The matchmaker reads a changed profile file without a restart while tickets flow: a
 * profile added takes tickets, a broken file is refused and the profiles in force stay, a
 * profile removed takes none (422); every ticket answered 201 stays readable.
 */
class ProfileReloadIntegrationTests {

	private static final String DUEL = """
			profiles:
			  - name: reload-duel
			    filter: { term: { mode: reload-duel } }
			    teams: { count: 2, size: 1 }
			""";

	private static final String DUEL_AND_SQUAD = DUEL + """
			  - name: reload-squad
			    filter: { term: { mode: reload-squad } }
			    teams: { count: 2, size: 2 }
			""";

	@TempDir
	static Path directory;

	static Path file;

	static ConfigurableApplicationContext matchmaker;

	static WebTestClient client;

	private final List<String> created = new ArrayList<>();

	@BeforeAll
	static void start() throws IOException {
		file = Files.writeString(directory.resolve("profiles.yml"), DUEL);
		matchmaker = MatchmakerInstances.start(TestKafka.bootstrapServers(),
				Map.of("rivalry.profiles.location", "file:" + file, "rivalry.profiles.reload-interval", "100ms"));
		client = TicketFixtures.client(MatchmakerInstances.portOf(matchmaker));
	}

	@AfterAll
	static void stop() {
		matchmaker.close();
	}

	@Test
	void aProfileAddedTakesTicketsABrokenFileIsRefusedAndARemovedProfileTakesNone() throws IOException {
		queue("reload-duel", 201);
		queue("reload-squad", 422);

		Files.writeString(file, DUEL_AND_SQUAD);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> queue("reload-squad", 201));
		queue("reload-duel", 201);
		assertThat(profileNames()).containsExactly("reload-duel", "reload-squad");

		Files.writeString(file, DUEL_AND_SQUAD.replace("size: 2", "size: 0"));
		await().atMost(Duration.ofSeconds(10)).until(() -> reloads("refused") == 1);
		queue("reload-squad", 201);
		queue("reload-duel", 201);
		assertThat(profileNames()).containsExactly("reload-duel", "reload-squad");

		Files.writeString(file, DUEL);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> queue("reload-squad", 422));
		queue("reload-duel", 201);
		assertThat(reloads("applied")).isEqualTo(2);

		// Nothing answered 201 was lost: every ticket is still there, searching.
		for (String id : this.created) {
			client.get().uri("/v1/tickets/{id}", id).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.state").isEqualTo("SEARCHING");
		}
	}

	private void queue(String mode, int status) {
		WebTestClient.ResponseSpec response = client.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", TicketFixtures.player("p"))), "attributes",
					Map.of("mode", mode, "region", "eu")))
			.exchange()
			.expectStatus().isEqualTo(status);
		if (status == 201) {
			this.created.add(response.expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
		}
	}

	private static List<String> profileNames() {
		return client.get().uri("/v1/profiles").exchange().expectStatus().isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult().getResponseBody().stream().map((profile) -> profile.get("name").toString()).toList();
	}

	private static double reloads(String outcome) {
		var counter = matchmaker.getBean(MeterRegistry.class).find("rivalry.profiles.reload").tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
