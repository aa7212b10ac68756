package dev.rivalry.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.rivalry.client.TicketRequest;

/**
 * A ticket of the run, planned before the schedule starts so that its players' tokens can
 * be fetched ahead (see {@link PlayerTokens}).
 *
 * @param players its players, the leader first
 * @param request its {@code POST /v1/tickets}
 */
record PlannedTicket(List<String> players, TicketRequest request) {

	PlannedTicket {
		players = List.copyOf(players);
	}

	/**
	 * Plans a run's tickets: party sizes drawn from the scenario with the settings' seed,
	 * regions round-robin, player ids unique to the run.
	 * @param runId what sets this run's player ids apart from earlier runs' on the same stack
	 * @return the warm-up's and the measured window's tickets, in schedule order
	 */
	static PlannedTicket[] plan(LoadSettings settings, String runId) {
		SplittableRandom random = new SplittableRandom(settings.seed());
		PlannedTicket[] tickets = new PlannedTicket[Math.toIntExact(settings.warmupTickets() + settings.tickets())];
		for (int index = 0; index < tickets.length; index++) {
			int size = settings.scenario().partySize(random);
			List<String> players = new ArrayList<>(size);
			for (int k = 0; k < size; k++) {
				players.add("b" + runId + "-" + index + "-" + k);
			}
			String region = settings.regions().get(index % settings.regions().size());
			tickets[index] = new PlannedTicket(players, TicketRequest.of(players, settings.scenario().attributes(region, index)));
		}
		return tickets;
	}

}
