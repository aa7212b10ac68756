package dev.rivalry.matchmaker.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.matchmaker.result.ReportTokens;
import dev.rivalry.matchmaker.result.ResultProblems;
import dev.rivalry.matchmaker.result.ResultStore;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketMessage;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillOutcome;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A game server's backfills of its running match: opened (replacing the match's open one),
 * read, cancelled, and expired when read after their time. The report token is the
 * server's credential: it names the match and the server, and a backfill is answered only
 * to a token of its match.
 * <p>
 * Like a ticket, a backfill is stored first and then published on its match's profile
 * stream, keyed by the match's pool; the {@code 201} is sent only after both. A backfill
 * opened while the match's result was being reported is ended at once: the report ends the
 * open backfill after recording the result, the opening checks the result after opening,
 * so whichever comes second sees the other.
 */
class BackfillService {

	private static final Logger logger = LoggerFactory.getLogger(BackfillService.class);

	private final ReportTokens tokens;

	private final TicketStore matches;

	private final BackfillStore backfills;

	private final ResultStore results;

	private final MatchProfiles profiles;

	private final TicketStream stream;

	private final BackfillMetrics metrics;

	private final Clock clock;

	private final MatchmakerProperties.Backfill settings;

	BackfillService(ReportTokens tokens, TicketStore matches, BackfillStore backfills, ResultStore results,
			MatchProfiles profiles, TicketStream stream, BackfillMetrics metrics, Clock clock,
			MatchmakerProperties.Backfill settings) {
		this.tokens = tokens;
		this.matches = matches;
		this.backfills = backfills;
		this.results = results;
		this.profiles = profiles;
		this.stream = stream;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = settings;
	}

	Mono<BackfillSnapshot> open(String matchId, String authorization, BackfillRequest request) {
		Duration ttl = ttlOf(request);
		return this.tokens.verifyFor(matchId, authorization)
			.flatMap((claims) -> this.matches.findMatch(matchId)
				.switchIfEmpty(Mono.error(() -> new ResultProblems.MatchNotFound(matchId)))
				.flatMap((match) -> refuseIfOver(match).then(Mono.fromCallable(() -> backfillOf(claims, match, request, ttl)))))
			.flatMap(this::openAndPublish)
			.doOnNext((opened) -> this.metrics.opened(opened.backfill().profile()));
	}

	Mono<BackfillSnapshot> find(String backfillId, String authorization) {
		return this.tokens.verify(authorization)
			.flatMap((claims) -> ownedBy(backfillId, claims))
			.flatMap(this::expireIfDue);
	}

	Mono<Void> cancel(String backfillId, String authorization) {
		return this.tokens.verify(authorization)
			.flatMap((claims) -> ownedBy(backfillId, claims))
			.flatMap((backfill) -> this.backfills.end(backfill.backfill(), BackfillState.CANCELLED))
			.flatMap((outcome) -> {
				if (outcome instanceof BackfillOutcome.Applied applied) {
					return closed(applied.snapshot());
				}
				if (outcome instanceof BackfillOutcome.Refused refused) {
					return Mono.error(new BackfillProblems.NotOpen(backfillId, refused.snapshot().state()));
				}
				return Mono.error(new BackfillProblems.NotFound(backfillId));
			});
	}

	/**
	 * A backfill still {@code SEARCHING} past its time is expired by whoever reads it (the
	 * engine lets it go at that time and no fill applies after it); the step is atomic and
	 * applies once, so readers on every instance may race for it.
	 */
	Mono<BackfillSnapshot> expireIfDue(BackfillSnapshot backfill) {
		if (backfill.state() != BackfillState.SEARCHING || backfill.backfill().expiresAt().isAfter(this.clock.instant())) {
			return Mono.just(backfill);
		}
		return this.backfills.end(backfill.backfill(), BackfillState.EXPIRED).map((outcome) -> {
			if (outcome instanceof BackfillOutcome.Applied applied) {
				return applied.snapshot();
			}
			return (outcome instanceof BackfillOutcome.Refused refused) ? refused.snapshot() : backfill;
		});
	}

	/** The backfill, if the token is for its match; anything else reads as unknown. */
	Mono<BackfillSnapshot> ownedBy(String backfillId, ReportClaims claims) {
		return this.backfills.find(backfillId)
			.filter((backfill) -> backfill.backfill().matchId().equals(claims.matchId()))
			.switchIfEmpty(Mono.error(() -> new BackfillProblems.NotFound(backfillId)));
	}

	private Mono<Void> refuseIfOver(Match match) {
		return this.results.isReported(match.id())
			.flatMap((reported) -> reported ? Mono.error(new BackfillProblems.MatchOver(match.id())) : Mono.empty());
	}

	private Mono<BackfillSnapshot> openAndPublish(Backfill backfill) {
		return this.backfills.open(backfill).flatMap((outcome) -> {
			if (!(outcome instanceof BackfillOutcome.Applied applied)) {
				return Mono.error(new ResultProblems.MatchNotFound(backfill.matchId()));
			}
			return this.stream.publish(backfill.profile(), backfill.pool(), new TicketMessage.BackfillOpened(backfill))
				.onErrorResume((ex) -> this.backfills.end(backfill, BackfillState.CANCELLED)
					.then(Mono.error(new BackfillProblems.StreamUnavailable(ex))))
				.then(endIfReportedMeanwhile(applied.snapshot()));
		});
	}

	private Mono<BackfillSnapshot> endIfReportedMeanwhile(BackfillSnapshot opened) {
		return this.results.isReported(opened.backfill().matchId()).flatMap((reported) -> {
			if (!reported) {
				return Mono.just(opened);
			}
			return this.backfills.end(opened.backfill(), BackfillState.ENDED)
				.then(Mono.error(new BackfillProblems.MatchOver(opened.backfill().matchId())));
		});
	}

	/** Tells the engine holding the backfill to let it go now rather than at its next fill. */
	private Mono<Void> closed(BackfillSnapshot backfill) {
		Backfill request = backfill.backfill();
		return this.stream.publish(request.profile(), request.pool(), new TicketMessage.BackfillClosed(request.id()))
			.onErrorResume((ex) -> {
				// the backfill is ended in Redis, the truth: no fill applies to it any more
				logger.info("Backfill {} ended, its closing record not published: {}", request.id(), ex.toString());
				return Mono.empty();
			});
	}

	private Backfill backfillOf(ReportClaims claims, Match match, BackfillRequest request, Duration ttl) {
		Profile profile = this.profiles.byName(match.profile())
			.orElseThrow(() -> new BackfillProblems.DoesNotFit(
					"Match '" + match.id() + "' was formed by profile '" + match.profile() + "', which no longer exists."));
		if (match.pool() == null) {
			throw new BackfillProblems.DoesNotFit("Match '" + match.id() + "' was formed before backfill existed.");
		}
		checkSlots(profile, request.slots());
		Instant now = this.clock.instant();
		List<Backfill.Slot> slots = request.slots().stream().map((slot) -> new Backfill.Slot(slot.team(), slot.count())).toList();
		return new Backfill(BackfillStore.newId(match.id()), match.id(), match.profile(), match.pool(), claims.serverId(),
				slots, match.rating(), match.region(), now, now.plus(ttl));
	}

	/** One entry per team of the match, each asking for no more than a team holds. */
	private static void checkSlots(Profile profile, List<BackfillRequest.Slot> slots) {
		int teams = profile.teams().count();
		int size = profile.teams().size();
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < slots.size(); i++) {
			BackfillRequest.Slot slot = slots.get(i);
			if (slot.team() > teams) {
				throw new BackfillProblems.DoesNotFit("slots[" + i + "].team: " + slot.team()
						+ " is not a team of this match; its teams are numbered 1 to " + teams + ".");
			}
			if (slot.count() > size) {
				throw new BackfillProblems.DoesNotFit("slots[" + i + "].count: " + slot.count()
						+ " is more players than a team of this match holds (" + size + ").");
			}
			if (!seen.add(slot.team())) {
				throw new BackfillProblems.DoesNotFit("slots[" + i + "].team: team " + slot.team()
						+ " is named twice; give one entry per team.");
			}
		}
	}

	private Duration ttlOf(BackfillRequest request) {
		Duration ttl;
		try {
			ttl = request.parsedTtl();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("ttl", ex.getMessage())));
		}
		if (ttl == null) {
			return this.settings.defaultTtl();
		}
		if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(this.settings.maxTtl()) > 0) {
			throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("ttl",
					"must be from 1s to " + this.settings.maxTtl().toSeconds() + "s")));
		}
		return ttl;
	}

}
