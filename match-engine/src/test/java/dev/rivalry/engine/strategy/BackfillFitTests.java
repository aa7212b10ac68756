package dev.rivalry.engine.strategy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rivalry.profiles.Profile;
import org.junit.jupiter.api.Test;

import static dev.rivalry.engine.strategy.Pools.NOW;
import static dev.rivalry.engine.strategy.Pools.firstCome;
import static dev.rivalry.engine.strategy.Pools.latency;
import static dev.rivalry.engine.strategy.Pools.oldestFirst;
import static dev.rivalry.engine.strategy.Pools.party;
import static dev.rivalry.engine.strategy.Pools.rating;
import static dev.rivalry.engine.strategy.Pools.solo;
import static dev.rivalry.engine.strategy.Pools.spread;
import static dev.rivalry.engine.strategy.Pools.ticket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which waiting tickets fill an open backfill, and the order of backfills and new matches.
 */
class BackfillFitTests {

	@Test
	void aSlotTakesTheOldestTicketOnItsTeam() {
		Profile duel = firstCome(2, 1);
		List<BackfillFill> fills = fill(duel, open("b", 1, 1), oldestFirst(solo("young", 1), solo("old", 30)));
		assertThat(seats(fills)).containsExactly("b:old@1");
	}

	@Test
	void slotsOnSeveralTeamsAreFilledEachWithItsCount() {
		Profile squads = firstCome(2, 3);
		OpenBackfill backfill = new OpenBackfill("b", List.of(new OpenBackfill.OpenSlot(0, 1),
				new OpenBackfill.OpenSlot(1, 2)), null, null, NOW);
		List<BackfillFill> fills = fill(squads, backfill, oldestFirst(solo("a", 40), solo("b", 30), solo("c", 20),
				solo("d", 10)));
		assertThat(seats(fills)).containsExactly("b:a@0", "b:b@1", "b:c@1");
	}

	@Test
	void aPartyJoinsOnlyATeamWithRoomForAllOfIt() {
		Profile squads = firstCome(2, 3);
		OpenBackfill backfill = new OpenBackfill("b", List.of(new OpenBackfill.OpenSlot(0, 1),
				new OpenBackfill.OpenSlot(1, 2)), null, null, NOW);
		List<BackfillFill> fills = fill(squads, backfill, oldestFirst(party("trio", 3, 60), party("duo", 2, 50),
				solo("solo", 40)));
		assertThat(seats(fills)).containsExactly("b:duo@1", "b:solo@0");
	}

	@Test
	void ratingProfilesTakeTheNearestRatingWithinHalfTheSpread() {
		Profile ranked = rating(2, 1, false, null, spread(0, 100), spread(60, 400));
		OpenBackfill backfill = new OpenBackfill("b", List.of(new OpenBackfill.OpenSlot(1, 1)), 1500.0, null, NOW);
		List<PoolTicket> waiting = oldestFirst(solo("far", 1700, 30), solo("near", 1530, 10), solo("nearer", 1490, 5));
		assertThat(seats(fill(ranked, backfill, waiting))).containsExactly("b:nearer@1");
		List<PoolTicket> tooFar = oldestFirst(solo("far", 1700, 30), solo("edge", 1551, 10));
		assertThat(fill(ranked, backfill, tooFar)).isEmpty();
	}

	@Test
	void theSpreadWidensWithTheTicketsWaitAndWithTheBackfillsAge() {
		Profile ranked = rating(2, 1, false, null, spread(0, 100), spread(60, 400));
		OpenBackfill fresh = new OpenBackfill("b", List.of(new OpenBackfill.OpenSlot(1, 1)), 1500.0, null, NOW);
		assertThat(seats(fill(ranked, fresh, List.of(solo("patient", 1700, 61))))).containsExactly("b:patient@1");
		assertThat(fill(ranked, fresh, List.of(solo("fresh", 1700, 1)))).isEmpty();
		OpenBackfill old = new OpenBackfill("b", List.of(new OpenBackfill.OpenSlot(1, 1)), 1500.0, null,
				NOW.minusSeconds(61));
		assertThat(seats(fill(ranked, old, List.of(solo("fresh", 1700, 1))))).containsExactly("b:fresh@1");
	}

	@Test
	void aTicketMustAcceptTheMatchsRegion() {
		Profile regional = Pools.firstCome(2, 1, false, latency(0, 50, 30, 150));
		OpenBackfill backfill = new OpenBackfill("b", List.of(new OpenBackfill.OpenSlot(1, 1)), null, "eu", NOW);
		assertThat(fill(regional, backfill, List.of(ticket("us-only", 40, Map.of("us", 10), 1500)))).isEmpty();
		assertThat(fill(regional, backfill, List.of(ticket("far-eu", 10, Map.of("eu", 120), 1500)))).isEmpty();
		assertThat(seats(fill(regional, backfill, List.of(ticket("patient-eu", 40, Map.of("eu", 120), 1500)))))
			.containsExactly("b:patient-eu@1");
		assertThat(seats(fill(regional, backfill, List.of(ticket("unmeasured", 0, Map.of(), 1500)))))
			.containsExactly("b:unmeasured@1");
	}

	@Test
	void aTicketIsInOneBackfillAtMostAndOlderBackfillsComeFirst() {
		Profile duel = firstCome(2, 1);
		List<BackfillFill> fills = BackfillFit.fill(duel, List.of(open("old", 1, 1), open("new", 0, 1)),
				List.of(solo("only", 10)), NOW, Duration.ZERO, Set.of());
		assertThat(seats(fills)).containsExactly("old:only@1");
	}

	@Test
	void openBackfillsTakeWaitingTicketsBeforeNewMatchesAreFormed() {
		Profile duel = firstCome(2, 1);
		PoolPlan plan = PoolPlan.of(duel, Strategies.forProfile(duel), List.of(open("b", 1, 1)),
				oldestFirst(solo("a", 30), solo("b", 20), solo("c", 10)), NOW);
		assertThat(seats(plan.fills())).containsExactly("b:a@1");
		assertThat(Pools.ids(plan.proposals())).containsExactly(List.of(List.of("b"), List.of("c")));
	}

	@Test
	void withAPriorityYoungTicketsFormNewMatchesAndOnlyLeftoversFillTheBackfill() {
		Profile duel = withPriority(firstCome(2, 1), Duration.ofSeconds(15));
		PoolPlan plan = PoolPlan.of(duel, Strategies.forProfile(duel), List.of(open("b", 1, 1)),
				oldestFirst(solo("a", 10), solo("b", 8), solo("c", 5)), NOW);
		assertThat(Pools.ids(plan.proposals())).containsExactly(List.of(List.of("a"), List.of("b")));
		assertThat(seats(plan.fills())).containsExactly("b:c@1");
		PoolPlan patient = PoolPlan.of(duel, Strategies.forProfile(duel), List.of(open("b", 1, 1)),
				oldestFirst(solo("a", 20), solo("b", 8), solo("c", 5)), NOW);
		assertThat(seats(patient.fills())).containsExactly("b:a@1");
		assertThat(Pools.ids(patient.proposals())).containsExactly(List.of(List.of("b"), List.of("c")));
	}

	@Test
	void theNextChanceIsWhenTheOldestYoungTicketReachesThePriority() {
		List<PoolTicket> waiting = oldestFirst(solo("a", 20), solo("b", 8), solo("c", 5));
		assertThat(BackfillFit.nextEligible(waiting, NOW, Duration.ofSeconds(15))).contains(NOW.plusSeconds(7));
		assertThat(BackfillFit.nextEligible(waiting, NOW, Duration.ZERO)).isEmpty();
	}

	private static Profile withPriority(Profile p, Duration priority) {
		return p.withBackfillPriority(priority);
	}

	private static OpenBackfill open(String id, int team, int count) {
		return new OpenBackfill(id, List.of(new OpenBackfill.OpenSlot(team, count)), null, null, NOW);
	}

	private static List<BackfillFill> fill(Profile profile, OpenBackfill backfill, List<PoolTicket> waiting) {
		return BackfillFit.fill(profile, List.of(backfill), waiting, NOW, Duration.ZERO, Set.of());
	}

	/** Each seat as {@code backfill:ticket@team}. */
	private static List<String> seats(List<BackfillFill> fills) {
		return fills.stream()
			.flatMap((fill) -> fill.seats().stream().map((seat) -> fill.backfill().id() + ":" + seat.ticket().id() + "@"
					+ seat.team()))
			.toList();
	}

}
