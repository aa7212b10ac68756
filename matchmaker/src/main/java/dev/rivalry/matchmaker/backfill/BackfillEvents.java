package dev.rivalry.matchmaker.backfill;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of one backfill as a stream of snapshots: the current state first, then one per
 * change (each fill, the end), completing after a terminal state. Watches before it reads,
 * as ticket streams do (ADR 0004), so no change is missed; versions drop duplicates. A
 * stream still open when the backfill's time is up expires it.
 */
class BackfillEvents {

	private final ChannelRouter<BackfillSnapshot> updates;

	private final BackfillStore backfills;

	private final BackfillService service;

	private final Clock clock;

	BackfillEvents(ChannelRouter<BackfillSnapshot> updates, BackfillStore backfills, BackfillService service,
			Clock clock) {
		this.updates = updates;
		this.backfills = backfills;
		this.service = service;
		this.clock = clock;
	}

	/**
	 * @param backfill the backfill as the caller read it (and was allowed to)
	 * @return its snapshots from now on
	 */
	Flux<BackfillSnapshot> follow(BackfillSnapshot backfill) {
		String id = backfill.id();
		return Flux.using(() -> this.updates.watch(id), (watcher) -> {
			Mono<Optional<BackfillSnapshot>> current = this.backfills.find(id).map(Optional::of)
				.defaultIfEmpty(Optional.empty());
			Flux<Optional<BackfillSnapshot>> changes = Flux.merge(watcher.messages(), expiry(backfill)).map(Optional::of);
			return Flux.mergeSequential(current, changes).takeWhile(Optional::isPresent).map(Optional::get);
		}, ChannelRouter.Watcher::close).transform(BackfillEvents::newerOnly).takeUntil((s) -> s.state().isTerminal());
	}

	/** At the backfill's expiry time, the expired state (also published to every other stream). */
	private Mono<BackfillSnapshot> expiry(BackfillSnapshot backfill) {
		Duration left = Duration.between(this.clock.instant(), backfill.backfill().expiresAt());
		return Mono.delay(left.isNegative() ? Duration.ZERO : left)
			.then(this.backfills.find(backfill.id()))
			.flatMap(this.service::expireIfDue);
	}

	private static Flux<BackfillSnapshot> newerOnly(Flux<BackfillSnapshot> snapshots) {
		return Flux.defer(() -> {
			long[] last = { 0 };
			return snapshots.filter((snapshot) -> {
				boolean newer = snapshot.version() > last[0];
				last[0] = Math.max(last[0], snapshot.version());
				return newer;
			});
		});
	}

}
