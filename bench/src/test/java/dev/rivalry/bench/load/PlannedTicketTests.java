package dev.rivalry.bench.load;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedTicketTests {

	private final JsonMapper json = new JsonMapper();

	@Test
	void theWarmUpsAndTheMeasuredWindowsTicketsArePlannedInScheduleOrder() {
		LoadSettings settings = LoadSettings.parse("--scenario=squad", "--rate=100", "--warmup=2s", "--duration=3s",
				"--regions=eu,us");

		PlannedTicket[] tickets = PlannedTicket.plan(settings, "run1");

		assertThat(tickets).hasSize((int) (settings.warmupTickets() + settings.tickets())).hasSize(400);
		assertThat(tickets[0].players()).first().isEqualTo("brun1-0-0");
		assertThat(tickets[7].players()).allSatisfy((player) -> assertThat(player).startsWith("brun1-7-"));
		JsonNode body = this.json.valueToTree(tickets[1].request());
		assertThat(body.at("/attributes/region").asString()).isEqualTo("us");
		assertThat(body.at("/attributes/mode").asString()).isEqualTo("squad");
		assertThat(body.path("players").valueStream().map((player) -> player.path("id").asString()))
			.containsExactlyElementsOf(tickets[1].players());
	}

	@Test
	void theSeedDecidesThePartiesAndEveryPlayerIsOnOneTicket() {
		LoadSettings settings = LoadSettings.parse("--scenario=squad", "--rate=200", "--warmup=0s", "--duration=2s",
				"--seed=5");

		PlannedTicket[] first = PlannedTicket.plan(settings, "r");
		PlannedTicket[] again = PlannedTicket.plan(settings, "r");

		assertThat(again).containsExactly(first);
		Set<String> players = new HashSet<>();
		Arrays.stream(first).flatMap((ticket) -> ticket.players().stream()).forEach(players::add);
		assertThat(players).hasSize(Arrays.stream(first).mapToInt((ticket) -> ticket.players().size()).sum());
		assertThat(Arrays.stream(first).map(PlannedTicket::players).mapToInt(List::size).max().getAsInt())
			.as("squad parties of up to five").isBetween(2, 5);
	}

}
