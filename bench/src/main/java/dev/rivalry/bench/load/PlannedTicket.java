package dev.rivalry.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * A ticket of the run, planned before the schedule starts so that its players' tokens can
 * be fetched ahead (see {@link PlayerTokens}).
 *
 * @param players its players, the leader first
 * @param body the body of its {@code POST /v1/tickets}
 */
record PlannedTicket(List<String> players, String body) {

	PlannedTicket {
		players = List.copyOf(players);
	}

	/**
	 * Plans a run's tickets: party sizes drawn from the scenario with the settings' seed,
	 * regions round-robin, player ids unique to the run.
	 * @param runId what sets this run's player ids apart from earlier runs' on the same stack
	 * @return the warm-up's and the measured window's tickets, in schedule order
	 */
	static PlannedTicket[] plan(LoadSettings settings, JsonMapper json, String runId) {
		SplittableRandom random = new SplittableRandom(settings.seed());
		PlannedTicket[] tickets = new PlannedTicket[Math.toIntExact(settings.warmupTickets() + settings.tickets())];
		for (int index = 0; index < tickets.length; index++) {
			int size = settings.scenario().partySize(random);
			List<String> players = new ArrayList<>(size);
			for (int k = 0; k < size; k++) {
				players.add("b" + runId + "-" + index + "-" + k);
			}
			String region = settings.regions().get(index % settings.regions().size());
			String body = json.writeValueAsString(Map.of("players", players.stream().map((id) -> Map.of("id", id)).toList(),
					"attributes", settings.scenario().attributes(region, index)));
			tickets[index] = new PlannedTicket(players, body);
		}
		return tickets;
	}

}
