package dev.rivalry.bench.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.rivalry.bench.load.report.LoadReport;

/**
 * Every ticket the generator created and every terminal state its stream reported, to
 * check that each ended exactly once: none lost, none matched twice, every match made of
 * exactly the tickets that say they are in it. Thread-safe.
 */
final class TicketLedger {

	private static final int MAX_EXAMPLES = 10;

	private final Map<String, Entry> tickets = new ConcurrentHashMap<>();

	private final Map<String, MatchEntry> matches = new ConcurrentHashMap<>();

	private final Map<String, String> matchOfPlayer = new ConcurrentHashMap<>();

	private final Set<String> playersInSeveralMatches = ConcurrentHashMap.newKeySet();

	/** A {@code 201}: the ticket must now end exactly once. */
	void created(String ticketId, List<String> players) {
		this.tickets.put(ticketId, new Entry(players));
	}

	/**
	 * A terminal state on the ticket's stream.
	 * @return whether it was the ticket's first
	 */
	boolean terminal(String ticketId, String state) {
		Entry entry = this.tickets.get(ticketId);
		// The state first: a check running meanwhile sees a counted terminal only with its state.
		boolean first = entry.state.compareAndSet(null, state);
		entry.terminals.incrementAndGet();
		return first;
	}

	/**
	 * A {@code MATCHED} state: records the match as this ticket saw it.
	 * @return whether this is the first ticket of the match seen
	 */
	boolean matched(String ticketId, String matchId, Set<String> participants) {
		MatchEntry seen = new MatchEntry(participants);
		MatchEntry earlierSeen = this.matches.putIfAbsent(matchId, seen);
		MatchEntry match = (earlierSeen != null) ? earlierSeen : seen;
		match.reporters.add(ticketId);
		if (!match.agree(participants)) {
			match.disagreements.incrementAndGet();
		}
		for (String player : participants) {
			String earlier = this.matchOfPlayer.putIfAbsent(player, matchId);
			if (earlier != null && !earlier.equals(matchId)) {
				this.playersInSeveralMatches.add(player);
			}
		}
		return earlierSeen == null;
	}

	/** @return the tickets with no terminal state yet */
	List<String> open() {
		return this.tickets.entrySet()
			.stream()
			.filter((ticket) -> ticket.getValue().terminals.get() == 0)
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The ticket's stream never showed a terminal state, but the matchmaker holds one: its
	 * delivery was late (past the run's drain and grace), not lost.
	 */
	void late(String ticketId, String state) {
		Entry entry = this.tickets.get(ticketId);
		if (entry != null) {
			entry.lateState.compareAndSet(null, state);
		}
	}

	/** @return whether the ticket was created and has no terminal state yet */
	boolean isOpen(String ticketId) {
		Entry entry = this.tickets.get(ticketId);
		return entry != null && entry.terminals.get() == 0;
	}

	/** @return the players of a created ticket, its leader first; empty for a ticket never created */
	List<String> players(String ticketId) {
		Entry entry = this.tickets.get(ticketId);
		return (entry != null) ? entry.players : List.of();
	}

	/** @return created tickets */
	int size() {
		return this.tickets.size();
	}

	LoadReport.TerminalCheck check() {
		List<String> examples = new ArrayList<>();
		long matched = 0;
		long cancelled = 0;
		long expired = 0;
		long lost = 0;
		long late = 0;
		long duplicates = 0;
		for (Map.Entry<String, Entry> ticket : this.tickets.entrySet()) {
			Entry entry = ticket.getValue();
			int terminals = entry.terminals.get();
			String state = entry.state.get();
			if ((terminals == 0 || state == null) && entry.lateState.get() != null) {
				late++;
				example(examples, "late: ticket " + ticket.getKey() + " is " + entry.lateState.get()
						+ " on the matchmaker, but its stream had not said so by the end of the run");
				continue;
			}
			if (terminals == 0 || state == null) {
				lost++;
				example(examples, "lost: ticket " + ticket.getKey() + " of " + entry.players);
				continue;
			}
			if (terminals > 1) {
				duplicates++;
				example(examples, "several terminal states: ticket " + ticket.getKey());
			}
			switch (state) {
				case "MATCHED" -> matched++;
				case "CANCELLED" -> cancelled++;
				case "EXPIRED" -> expired++;
				default -> throw new IllegalStateException("not terminal: " + state);
			}
		}
		Set<String> known = new HashSet<>();
		this.tickets.values().forEach((entry) -> known.addAll(entry.players));
		return new LoadReport.TerminalCheck(this.tickets.size(), matched, cancelled, expired, lost, late, duplicates,
				this.playersInSeveralMatches.size(), inconsistentMatches(examples, known), unacknowledgedPlayers(known),
				List.copyOf(examples));
	}

	private static void example(List<String> examples, String problem) {
		if (examples.size() < MAX_EXAMPLES) {
			examples.add(problem);
		}
	}

	/**
	 * A match is consistent when its participants the generator knows (their tickets were
	 * acknowledged) are exactly the players of the tickets that report it. A participant it
	 * does not know had a create that timed out on the client's side but was stored: the
	 * client cannot tell, so it is counted apart, not as a failure.
	 */
	private long inconsistentMatches(List<String> examples, Set<String> known) {
		this.playersInSeveralMatches.forEach((player) -> example(examples, "in several matches: player " + player));
		// Players of late tickets are known but cannot report: their streams said nothing in time.
		Set<String> late = new HashSet<>();
		this.tickets.values().stream().filter((entry) -> entry.lateState.get() != null).forEach((entry) -> late.addAll(entry.players));
		long inconsistent = 0;
		for (Map.Entry<String, MatchEntry> seen : this.matches.entrySet()) {
			MatchEntry match = seen.getValue();
			Set<String> players = new HashSet<>();
			for (String ticketId : match.reporters) {
				players.addAll(this.tickets.get(ticketId).players);
			}
			Set<String> knownParticipants = new HashSet<>(match.participants);
			knownParticipants.retainAll(known);
			knownParticipants.removeAll(late);
			if (match.disagreements.get() > 0 || !players.equals(knownParticipants)) {
				inconsistent++;
				example(examples, "inconsistent: match " + seen.getKey() + " of " + match.participants + " reported by tickets "
						+ match.reporters + " holding " + players);
			}
		}
		return inconsistent;
	}

	/** @return matched players the generator never got a {@code 201} for (see {@link #inconsistentMatches}) */
	private long unacknowledgedPlayers(Set<String> known) {
		return this.matches.values()
			.stream()
			.flatMap((match) -> match.participants.stream())
			.filter((player) -> !known.contains(player))
			.count();
	}

	private static final class Entry {

		private final List<String> players;

		private final AtomicInteger terminals = new AtomicInteger();

		private final AtomicReference<String> state = new AtomicReference<>();

		private final AtomicReference<String> lateState = new AtomicReference<>();

		Entry(List<String> players) {
			this.players = List.copyOf(players);
		}

	}

	private static final class MatchEntry {

		/** The largest roster seen: a ticket that joined by a backfill sees the match grown. */
		private volatile Set<String> participants;

		private final Set<String> reporters = ConcurrentHashMap.newKeySet();

		private final AtomicInteger disagreements = new AtomicInteger();

		MatchEntry(Set<String> participants) {
			this.participants = Set.copyOf(participants);
		}

		/**
		 * @return whether another ticket's view of the match agrees with this one: the same
		 * roster, or one grown from it (or that it grew from) by backfills
		 */
		synchronized boolean agree(Set<String> seen) {
			if (seen.containsAll(this.participants)) {
				this.participants = Set.copyOf(seen);
				return true;
			}
			return this.participants.containsAll(seen);
		}

	}

}
