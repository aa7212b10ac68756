package dev.rivalry.bench.load;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.rivalry.bench.load.report.LoadReport.TerminalCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TicketLedgerTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("runs")
	void checkCountsWhatHappened(Consumer<TicketLedger> run, Counts expected) {
		TicketLedger ledger = new TicketLedger();
		run.accept(ledger);

		TerminalCheck check = ledger.check();

		assertThat(Counts.of(check)).isEqualTo(expected);
		assertThat(check.passed()).isEqualTo(expected.passed());
		// Every failed check must give the reader something to look up.
		assertThat(check.examples()).hasSize((int) expected.problems());
	}

	static Stream<Arguments> runs() {
		return Stream.of(
				run("nothing created", (ledger) -> {
				}, new Counts(0, 0, 0, 0, 0, 0, 0, 0, true)),
				run("a duel reported by both tickets", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					matched(ledger, "t1", "m1", "p1", "p2");
					matched(ledger, "t2", "m1", "p1", "p2");
				}, new Counts(2, 2, 0, 0, 0, 0, 0, 0, true)),
				run("two parties of two in one match", (ledger) -> {
					created(ledger, "t1", "p1", "p2");
					created(ledger, "t2", "p3", "p4");
					matched(ledger, "t1", "m1", "p1", "p2", "p3", "p4");
					matched(ledger, "t2", "m1", "p4", "p3", "p2", "p1");
				}, new Counts(2, 2, 0, 0, 0, 0, 0, 0, true)),
				run("cancelled and expired are terminal too", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					ledger.terminal("t1", "CANCELLED");
					ledger.terminal("t2", "EXPIRED");
				}, new Counts(2, 0, 1, 1, 0, 0, 0, 0, true)),
				run("a ticket with no terminal state", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					ledger.terminal("t2", "CANCELLED");
				}, new Counts(2, 0, 1, 0, 1, 0, 0, 0, false)),
				run("a ticket reporting two terminal states", (ledger) -> {
					created(ledger, "t1", "p1");
					ledger.terminal("t1", "CANCELLED");
					ledger.terminal("t1", "EXPIRED");
				}, new Counts(1, 0, 1, 0, 0, 1, 0, 0, false)),
				run("a player in two different matches", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					created(ledger, "t3", "p3");
					matched(ledger, "t1", "m1", "p1", "p2");
					matched(ledger, "t2", "m1", "p1", "p2");
					// m2 names p1 too, and no ticket of m2 holds p1: the match is also inconsistent.
					matched(ledger, "t3", "m2", "p1", "p3");
				}, new Counts(3, 3, 0, 0, 0, 0, 1, 1, false)),
				run("a match naming a player whose create timed out on the client's side", (ledger) -> {
					// p9's ticket was stored, but its 201 never reached the generator: it cannot follow it.
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					matched(ledger, "t1", "m1", "p1", "p2", "p9");
					matched(ledger, "t2", "m1", "p1", "p2", "p9");
				}, new Counts(2, 2, 0, 0, 0, 0, 0, 0, true)),
				run("a match whose other ticket says it was cancelled", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					matched(ledger, "t1", "m1", "p1", "p2");
					ledger.terminal("t2", "CANCELLED");
				}, new Counts(2, 1, 1, 0, 0, 0, 0, 1, false)),
				run("a player who joined a running match by a backfill sees it grown", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					created(ledger, "t3", "p3");
					matched(ledger, "t1", "m1", "p1", "p2");
					matched(ledger, "t2", "m1", "p1", "p2");
					matched(ledger, "t3", "m1", "p1", "p2", "p3");
				}, new Counts(3, 3, 0, 0, 0, 0, 0, 0, true)),
				run("two tickets of one match disagreeing on its participants", (ledger) -> {
					created(ledger, "t1", "p1");
					created(ledger, "t2", "p2");
					matched(ledger, "t1", "m1", "p1", "p2");
					// The reporters together hold exactly the first set: only the disagreement shows.
					matched(ledger, "t2", "m1", "p2", "p7");
				}, new Counts(2, 2, 0, 0, 0, 0, 0, 1, false)));
	}

	private static Arguments run(String name, Consumer<TicketLedger> run, Counts expected) {
		return arguments(named(name, run), expected);
	}

	@Test
	void aTicketTheMatchmakerEndedButItsStreamDidNotSayIsLateNotLost() {
		TicketLedger ledger = new TicketLedger();
		created(ledger, "t1", "p1");
		created(ledger, "t2", "p2");
		created(ledger, "t3", "p3");
		matched(ledger, "t1", "m1", "p1", "p2");
		ledger.late("t2", "MATCHED");

		TerminalCheck check = ledger.check();
		assertThat(check.late()).isEqualTo(1);
		// t3: nothing on its stream, nothing on the matchmaker either.
		assertThat(check.lost()).isEqualTo(1);
		assertThat(check.inconsistentMatches()).as("t2's player cannot report m1, being late").isZero();
		assertThat(check.examples()).anySatisfy((example) -> assertThat(example).contains("late", "t2", "MATCHED"));
		assertThat(check.passed()).isFalse();
	}

	@Test
	void playersOfUnacknowledgedTicketsAreCountedApart() {
		TicketLedger ledger = new TicketLedger();
		created(ledger, "t1", "p1");
		matched(ledger, "t1", "m1", "p1", "p9");

		TerminalCheck check = ledger.check();
		assertThat(check.unacknowledgedPlayers()).isEqualTo(1);
		assertThat(ledger.check().unacknowledgedPlayers()).as("counted afresh by every check").isEqualTo(1);
		assertThat(check.passed()).isTrue();
	}

	@Test
	void aLostTicketIsNamedWithItsPlayers() {
		TicketLedger ledger = new TicketLedger();
		created(ledger, "ticket-42", "alice", "bob");

		assertThat(ledger.check().examples()).singleElement()
			.asString()
			.contains("lost", "ticket-42", "alice", "bob");
	}

	@Test
	void theOtherProblemsAreNamedWithTheirIds() {
		TicketLedger ledger = new TicketLedger();
		created(ledger, "t1", "p1");
		created(ledger, "t2", "p2");
		created(ledger, "t3", "p3");
		ledger.terminal("t1", "CANCELLED");
		ledger.terminal("t1", "CANCELLED");
		matched(ledger, "t2", "m1", "p2");
		matched(ledger, "t3", "m2", "p2", "p3");

		assertThat(ledger.check().examples()).anySatisfy((example) -> assertThat(example).contains("several terminal", "t1"))
			.anySatisfy((example) -> assertThat(example).contains("several matches", "p2"))
			.anySatisfy((example) -> assertThat(example).contains("inconsistent", "m2"));
	}

	@Test
	void examplesAreCappedButCountsAreNot() {
		TicketLedger ledger = new TicketLedger();
		IntStream.range(0, 25).forEach((i) -> created(ledger, "t" + i, "p" + i));

		TerminalCheck check = ledger.check();

		// A run that lost thousands of tickets must still write a readable report.
		assertThat(check.lost()).isEqualTo(25);
		assertThat(check.examples()).hasSize(10);
	}

	@Test
	void onlyTheFirstTerminalStateCounts() {
		TicketLedger ledger = new TicketLedger();
		created(ledger, "t1", "p1");

		assertThat(ledger.terminal("t1", "MATCHED")).isTrue();
		assertThat(ledger.terminal("t1", "CANCELLED")).isFalse();
		assertThat(ledger.check().matched()).isEqualTo(1);
		assertThat(ledger.check().cancelled()).isZero();
	}

	@Test
	void aTicketIsOpenFromItsCreationToItsTerminalState() {
		TicketLedger ledger = new TicketLedger();
		assertThat(ledger.isOpen("t1")).isFalse();

		created(ledger, "t1", "p1");
		created(ledger, "t2", "p2");
		assertThat(ledger.isOpen("t1")).isTrue();
		assertThat(ledger.open()).containsExactlyInAnyOrder("t1", "t2");
		assertThat(ledger.size()).isEqualTo(2);

		ledger.terminal("t1", "EXPIRED");
		assertThat(ledger.isOpen("t1")).isFalse();
		assertThat(ledger.open()).containsExactly("t2");
	}

	@Test
	void matchedIsTrueOnlyForTheFirstTicketOfAMatch() {
		// The generator counts a match once, on its first ticket.
		TicketLedger ledger = new TicketLedger();

		assertThat(ledger.matched("t1", "m1", Set.of("p1", "p2"))).isTrue();
		assertThat(ledger.matched("t2", "m1", Set.of("p1", "p2"))).isFalse();
		assertThat(ledger.matched("t3", "m2", Set.of("p3", "p4"))).isTrue();
		assertThat(ledger.matched("t4", "m2", Set.of("p3", "p4"))).isFalse();
	}

	@Test
	void aStateThatIsNotTerminalFailsTheCheck() {
		// The flow filters SEARCHING out; one slipping through is a generator bug, not a verdict.
		TicketLedger ledger = new TicketLedger();
		created(ledger, "t1", "p1");
		ledger.terminal("t1", "SEARCHING");

		assertThatIllegalStateException().isThrownBy(ledger::check).withMessageContaining("SEARCHING");
	}

	private static void created(TicketLedger ledger, String ticketId, String... players) {
		ledger.created(ticketId, List.of(players));
	}

	/** What the flow does on a MATCHED event: the terminal state, then the match as the ticket saw it. */
	private static void matched(TicketLedger ledger, String ticketId, String matchId, String... participants) {
		if (ledger.terminal(ticketId, "MATCHED")) {
			ledger.matched(ticketId, matchId, Set.of(participants));
		}
	}

	/** The check's numbers without its examples, which are tested on their own. */
	record Counts(long created, long matched, long cancelled, long expired, long lost, long duplicateTerminal,
			long playersInSeveralMatches, long inconsistentMatches, boolean passed) {

		static Counts of(TerminalCheck check) {
			return new Counts(check.created(), check.matched(), check.cancelled(), check.expired(), check.lost(),
					check.duplicateTerminal(), check.playersInSeveralMatches(), check.inconsistentMatches(), check.passed());
		}

		/** @return how many problems, each with an example (all scenarios here have fewer than ten) */
		long problems() {
			return this.lost + this.duplicateTerminal + this.playersInSeveralMatches + this.inconsistentMatches;
		}

	}

}
