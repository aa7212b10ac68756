package dev.rivalry.matchmaker.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.rivalry.kafka.StreamUnavailableException;
import dev.rivalry.matchmaker.rating.RatingUpdater;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * Accepts a match's result from the game server that ran it: checks the report token, the
 * match and the ranks, records the result (once: a second report is refused, whatever its
 * token), applies it to the players' ratings and publishes it.
 * <p>
 * A report interrupted after the result was recorded (a crash, Redis or Kafka away) is
 * completed by the next report of the match, which is still answered 409: rating updates
 * are applied once per player and match, so completing twice changes nothing twice.
 */
class ResultService {

	private static final Logger logger = LoggerFactory.getLogger(ResultService.class);

	private final ReportTokens tokens;

	private final TicketStore matches;

	private final ResultStore results;

	private final RatingUpdater ratings;

	private final ResultStream stream;

	private final ResultMetrics metrics;

	private final Clock clock;

	private final BackfillStore backfills;

	ResultService(ReportTokens tokens, TicketStore matches, ResultStore results, RatingUpdater ratings,
			ResultStream stream, BackfillStore backfills, ResultMetrics metrics, Clock clock) {
		this.tokens = tokens;
		this.backfills = backfills;
		this.matches = matches;
		this.results = results;
		this.ratings = ratings;
		this.stream = stream;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @param matchId the match, from the path
	 * @param authorization the {@code Authorization} header, or null
	 * @param request the ranks
	 * @return the result with every player's new rating
	 */
	Mono<MatchResult> report(String matchId, String authorization, ReportRequest request) {
		return this.tokens.verifyFor(matchId, authorization).flatMap((claims) -> findMatch(matchId)
			.flatMap((match) -> checkParticipants(claims, match).then(Mono.fromCallable(() -> resultOf(claims, match, request)))))
			.flatMap(this::recordFirst)
			.flatMap((result) -> endBackfill(result.matchId()).thenReturn(result))
			.flatMap(this::complete)
			.doOnNext((result) -> this.metrics.accepted(result.profile()))
			.doOnError(ProblemException.class, this.metrics::refused);
	}

	private Mono<Match> findMatch(String matchId) {
		return this.matches.findMatch(matchId).switchIfEmpty(Mono.error(() -> new ResultProblems.MatchNotFound(matchId)));
	}

	/**
	 * The token was signed for this match's players when the server started it; backfills may
	 * have added players since, never removed any. A token naming anyone else is not a
	 * report of this match.
	 */
	private static Mono<Void> checkParticipants(ReportClaims claims, Match match) {
		if (!new HashSet<>(match.participants()).containsAll(claims.participants())) {
			logger.info("Report for match '{}' refused: its token names other participants", match.id());
			return Mono.error(new ResultProblems.InvalidReportToken("wrong_participants"));
		}
		return Mono.empty();
	}

	/** The result the request describes, if it fits the match: one rank per team, each from 1 to the team count. */
	private MatchResult resultOf(ReportClaims claims, Match match, ReportRequest request) {
		int teams = match.participants().stream().mapToInt(Participant::team).max().orElse(-1) + 1;
		if (request.teams().size() != teams) {
			throw new ResultProblems.DoesNotFit("teams: match '" + match.id() + "' has " + teams + " teams, the report ranks "
					+ request.teams().size() + ".");
		}
		List<MatchResult.TeamResult> ranked = new ArrayList<>(teams);
		for (int team = 0; team < teams; team++) {
			int rank = request.teams().get(team).rank();
			if (rank < 1 || rank > teams) {
				throw new ResultProblems.DoesNotFit(
						"teams[" + team + "].rank: " + rank + " is not a place from 1 to " + teams + ".");
			}
			int index = team;
			ranked.add(new MatchResult.TeamResult(rank, match.participants()
				.stream()
				.filter((participant) -> participant.team() == index)
				.map((participant) -> new MatchResult.PlayerResult(participant.id(), null))
				.toList()));
		}
		return new MatchResult(match.id(), match.profile(), match.game(), claims.serverId(), Instant.now(this.clock), ranked);
	}

	/**
	 * The match is over: its open backfill, if any, ends (an error is logged, never fails the
	 * report: a backfill that outlived its match fills nothing that is played, and expires).
	 */
	private Mono<Void> endBackfill(String matchId) {
		return this.backfills.endOpen(matchId).then().onErrorResume((ex) -> {
			logger.warn("The open backfill of match '{}' was not ended: {}", matchId, ex.toString());
			return Mono.empty();
		});
	}

	private Mono<MatchResult> recordFirst(MatchResult result) {
		return this.results.record(result).flatMap((recording) -> {
			if (recording instanceof Recording.Recorded) {
				return Mono.just(result);
			}
			if (recording instanceof Recording.AlreadyReported already) {
				return completeEarlier(already.earlier())
					.then(Mono.error(new ResultProblems.AlreadyReported(result.matchId())));
			}
			return Mono.error(new ResultProblems.MatchNotFound(result.matchId()));
		});
	}

	/** Finishes an earlier report that was interrupted; its failure is logged, the answer stays 409. */
	private Mono<Void> completeEarlier(StoredResult earlier) {
		if (earlier.complete()) {
			return Mono.empty();
		}
		return complete(earlier.result()).then().onErrorResume((ex) -> {
			logger.warn("Completing the interrupted report of match '{}' failed again: {}", earlier.result().matchId(),
					ex.toString());
			return Mono.empty();
		});
	}

	private Mono<MatchResult> complete(MatchResult recorded) {
		return this.ratings.apply(recorded.matchId(), recorded.profile(), recorded.playerIds(), recorded.ranks())
			.map(recorded::withRatings)
			.flatMap((rated) -> this.stream.publish(rated)
				// The result is kept and the ratings are applied; only the notification is
				// missing, and the next report of the match sends it.
				.onErrorMap(StreamUnavailableException.class, ResultProblems.StreamUnavailable::new)
				.then(this.results.complete(rated))
				.thenReturn(rated));
	}

}
