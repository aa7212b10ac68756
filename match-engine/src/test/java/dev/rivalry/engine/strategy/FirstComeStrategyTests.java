package dev.rivalry.engine.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rivalry.profiles.Profile;

import static dev.rivalry.engine.strategy.Pools.NOW;
import static dev.rivalry.engine.strategy.Pools.firstCome;
import static dev.rivalry.engine.strategy.Pools.ids;
import static dev.rivalry.engine.strategy.Pools.leftover;
import static dev.rivalry.engine.strategy.Pools.oldestFirst;
import static dev.rivalry.engine.strategy.Pools.party;
import static dev.rivalry.engine.strategy.Pools.solo;
import static org.assertj.core.api.Assertions.assertThat;

class FirstComeStrategyTests {

	private final MatchingStrategy strategy = FirstComeStrategy.INSTANCE;

	@Test
	void fillsTheSeatsInAgeOrderAndLeavesTheRestWaiting() {
		List<PoolTicket> waiting = oldestFirst(solo("a", 50), solo("b", 40), solo("c", 30), solo("d", 20),
				solo("e", 10));
		List<Proposal> proposals = this.strategy.form(firstCome(2, 1), waiting, NOW);
		assertThat(ids(proposals)).containsExactly(List.of(List.of("a"), List.of("b")),
				List.of(List.of("c"), List.of("d")));
		assertThat(leftover(waiting, proposals)).containsExactly("e");
	}

	@ParameterizedTest(name = "{2} solos in {0}x{1} make {3} matches")
	@CsvSource({ "2, 1, 7, 3", "2, 5, 25, 2", "1, 3, 9, 3", "4, 2, 7, 0", "3, 3, 27, 3" })
	void formsEveryMatchThatSolosCanFill(int teams, int size, int solos, int matches) {
		List<PoolTicket> waiting = new ArrayList<>();
		for (int i = 0; i < solos; i++) {
			waiting.add(solo("s" + i, solos - i));
		}
		List<Proposal> proposals = this.strategy.form(firstCome(teams, size), waiting, NOW);
		assertThat(proposals).hasSize(matches);
		ProposalChecks.assertValid(firstCome(teams, size), waiting, proposals, NOW);
		assertThat(leftover(waiting, proposals)).hasSize(solos - matches * teams * size);
	}

	@Test
	void keepsEachPartyOnOneTeam() {
		List<PoolTicket> waiting = oldestFirst(party("p", 2, 40), solo("a", 30), party("q", 2, 20), solo("b", 10));
		List<Proposal> proposals = this.strategy.form(firstCome(2, 3), waiting, NOW);
		assertThat(ids(proposals)).containsExactly(List.of(List.of("p", "a"), List.of("q", "b")));
	}

	@Test
	void aPartyLargerThanTheFreeSeatsWaitsAndLeadsTheNextMatch() {
		Profile lobby = firstCome(1, 3);
		List<PoolTicket> waiting = oldestFirst(solo("a", 50), solo("b", 40), party("p", 2, 30), solo("c", 20));
		List<Proposal> first = this.strategy.form(lobby, waiting, NOW);
		assertThat(ids(first)).containsExactly(List.of(List.of("a", "b", "c")));
		assertThat(leftover(waiting, first)).containsExactly("p");

		List<PoolTicket> later = oldestFirst(party("p", 2, 30), solo("d", 5), solo("e", 4), solo("f", 3));
		assertThat(ids(this.strategy.form(lobby, later, NOW))).containsExactly(List.of(List.of("p", "d")));
	}

	@Test
	void aPartyThatCannotBeCompletedDoesNotHoldUpYoungerTickets() {
		List<PoolTicket> waiting = oldestFirst(party("four", 4, 50), party("x", 5, 40), party("y", 5, 30));
		List<Proposal> proposals = this.strategy.form(firstCome(2, 5), waiting, NOW);
		assertThat(ids(proposals)).containsExactly(List.of(List.of("x"), List.of("y")));
		assertThat(leftover(waiting, proposals)).containsExactly("four");
	}

	@ParameterizedTest(name = "5v5 of parties {0}: {1} tickets matched")
	@CsvSource(delimiter = ';', value = {
			"5 5; 2",
			"3 2 4 1; 4",
			"2 2 3 3; 4",
			"4 4 4 4; 0",
			"4 4 1 1; 4",
			"1 2 3 4 5 1 2 3 4 5; 10",
			"2 2 2 2 2; 0",
			"2 2 2 2 1 1; 6",
			"3 3 3 1 1 1 1; 6",
			"4 3 3 2 2 1; 4" })
	void fiveVersusFiveWithMixedParties(String sizes, int matched) {
		List<PoolTicket> waiting = new ArrayList<>();
		int[] parties = Arrays.stream(sizes.split(" ")).mapToInt(Integer::parseInt).toArray();
		for (int i = 0; i < parties.length; i++) {
			waiting.add(party("t" + i, parties[i], 100 - i));
		}
		Profile fiveVersusFive = firstCome(2, 5);
		List<Proposal> proposals = this.strategy.form(fiveVersusFive, waiting, NOW);
		ProposalChecks.assertValid(fiveVersusFive, waiting, proposals, NOW);
		assertThat(proposals.stream().mapToInt((proposal) -> proposal.tickets().size()).sum()).isEqualTo(matched);
		if (matched > 0) {
			assertThat(proposals.get(0).tickets()).as("the oldest ticket leads").contains(waiting.get(0));
		}
	}

	@Test
	void neverPutsATicketInTwoProposals() {
		List<PoolTicket> waiting = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			waiting.add((i % 3 == 0) ? party("t" + i, 1 + i % 4, 1000 - i) : solo("t" + i, 1000 - i));
		}
		Profile profile = firstCome(2, 4);
		List<Proposal> proposals = this.strategy.form(profile, waiting, NOW);
		ProposalChecks.assertValid(profile, waiting, proposals, NOW);
		assertThat(proposals).hasSizeGreaterThan(10);
	}

	@Test
	void ticketsWithMorePlayersThanATeamAreNeverMatched() {
		List<PoolTicket> waiting = oldestFirst(party("big", 3, 50), solo("a", 40), solo("b", 30));
		List<Proposal> proposals = this.strategy.form(firstCome(2, 1), waiting, NOW);
		assertThat(ids(proposals)).containsExactly(List.of(List.of("a"), List.of("b")));
	}

	@Test
	void balancesTeamsBySummedRatingWhenTheProfileAsks() {
		List<PoolTicket> waiting = oldestFirst(Pools.solo("a", 1300, 40), Pools.solo("b", 1200, 30),
				Pools.solo("c", 1100, 20), Pools.solo("d", 1000, 10));
		List<Proposal> unbalanced = this.strategy.form(firstCome(2, 2), waiting, NOW);
		assertThat(ids(unbalanced)).containsExactly(List.of(List.of("a", "b"), List.of("c", "d")));
		List<Proposal> balanced = this.strategy.form(firstCome(2, 2, true, null), waiting, NOW);
		assertThat(ids(balanced)).containsExactly(List.of(List.of("a", "d"), List.of("b", "c")));
	}

	@Test
	void anEmptyPoolFormsNothing() {
		assertThat(this.strategy.form(firstCome(2, 1), List.of(), NOW)).isEmpty();
	}

}
