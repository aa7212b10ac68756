package dev.rivalry.serverlist.allocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rivalry.serverlist.server.ServerCard;
import dev.rivalry.serverlist.server.ServerRegistry;
import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tokens.MatchClaims;
import reactor.core.publisher.Mono;

/**
 * Applies {@link ServerChoice} to the {@code READY} servers and records the allocation.
 *
 * <p>Idempotent per match: the candidates are ranked here, but the pick is made by one
 * script that first answers the match's existing server, if any, and otherwise takes the
 * first candidate still {@code READY}. Callers of one match racing each other therefore all
 * get the server the first one took, and two matches never get one server. When every
 * candidate was taken meanwhile, the candidates are read again, a few times at most.
 */
class Allocator {

	private static final int ATTEMPTS = 3;

	private final Allocations allocations;

	private final ServerRegistry registry;

	private final Clock clock;

	private final String defaultGame;

	private final Duration startDeadline;

	private final int maxCandidates;

	Allocator(Allocations allocations, ServerRegistry registry, Clock clock, ServerlistProperties properties) {
		this.allocations = allocations;
		this.registry = registry;
		this.clock = clock;
		this.defaultGame = properties.defaultGame();
		this.startDeadline = properties.allocation().startDeadline();
		this.maxCandidates = properties.allocation().maxCandidates();
	}

	/**
	 * @param claims a verified match token's claims
	 * @return the outcome; a 422 problem when the token's config is not of the documented shape
	 */
	Mono<AllocationOutcome> allocate(MatchClaims claims) {
		AllocationRequest request;
		try {
			request = AllocationRequest.of(claims, this.defaultGame);
		}
		catch (AllocationProblems.UnsupportedConfig ex) {
			return Mono.error(ex);
		}
		MatchRecord match = MatchRecord.of(claims);
		if (claims.backfill()) {
			return this.allocations.find(request.matchId())
				.filter(Allocations.Allocation::isHeld)
				.flatMap((held) -> join(held, request, claims, 1))
				.defaultIfEmpty(new AllocationOutcome.MatchEnded(request.matchId()));
		}
		return this.allocations.find(request.matchId())
			.map((existing) -> known(existing, request))
			.defaultIfEmpty(Mono.defer(() -> attempt(request, match, 1)))
			.flatMap((outcome) -> outcome);
	}

	/** Answers a held or ended match at once; an expired one is allocated again, avoiding its servers. */
	private Mono<AllocationOutcome> known(Allocations.Allocation existing, AllocationRequest request) {
		if (existing.isHeld()) {
			return Mono.just(new AllocationOutcome.Allocated(existing.matchId(), existing.serverId(), existing.conn(),
					existing.startBy(), false));
		}
		if (existing.isEnded()) {
			return Mono.just(new AllocationOutcome.MatchEnded(existing.matchId()));
		}
		return attempt(request.avoiding(existing.avoid()), existing.match(), 1);
	}

	/**
	 * A player who joined the running match through a backfill goes to the server that holds
	 * it, never to a new one: a match that no longer holds a server has ended for them.
	 */
	private Mono<AllocationOutcome> join(Allocations.Allocation held, AllocationRequest request, MatchClaims claims,
			int attempt) {
		return this.allocations.join(held.matchId(), claims.participants()).flatMap((reply) -> {
			if ("retry".equals(reply) && attempt < ATTEMPTS) {
				return join(held, request, claims, attempt + 1);
			}
			if ("unchanged".equals(reply) || "retry".equals(reply)) {
				// nobody new, or the roster kept changing: the player still goes to the match's server
				return Mono.just(new AllocationOutcome.Allocated(held.matchId(), held.serverId(), held.conn(),
						held.startBy(), false));
			}
			// 'existing|…' or 'ended', read as the allocation script's replies are
			return Mono.just(outcome(reply, request));
		});
	}

	private Mono<AllocationOutcome> attempt(AllocationRequest request, MatchRecord match, int attempt) {
		return this.registry.readyServers(request.game(), request.region())
			.collectList()
			.map((cards) -> ServerChoice.choose(request, cards))
			.flatMap((ranked) -> pick(request, match, ranked).flatMap((reply) -> {
				if ("none".equals(reply) && !ranked.isEmpty() && attempt < ATTEMPTS) {
					return attempt(request, match, attempt + 1);
				}
				return Mono.just(outcome(reply, request));
			}));
	}

	/** Runs the script even with no candidates: another caller may have allocated the match meanwhile. */
	private Mono<String> pick(AllocationRequest request, MatchRecord match, List<ServerCard> ranked) {
		List<String> candidates = ranked.stream().limit(this.maxCandidates).map(ServerCard::id).toList();
		Instant startBy = this.clock.instant().plus(this.startDeadline);
		return this.allocations.allocate(match, startBy, candidates);
	}

	private static AllocationOutcome outcome(String reply, AllocationRequest request) {
		if (reply.startsWith("allocated|") || reply.startsWith("existing|")) {
			String[] parts = reply.split("\\|", 4);
			return new AllocationOutcome.Allocated(request.matchId(), parts[1], parts[3],
					Instant.ofEpochMilli(Long.parseLong(parts[2])), reply.startsWith("allocated|"));
		}
		if ("ended".equals(reply)) {
			return new AllocationOutcome.MatchEnded(request.matchId());
		}
		return new AllocationOutcome.NoCapacity(request);
	}

}
