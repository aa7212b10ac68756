package dev.rivalry.matchmaker.backfill;

import java.time.Clock;
import java.time.Duration;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.redis.Lifecycle;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillStore;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of one backfill as a stream of snapshots: the current state first, then one per
 * change (each fill, the end), completing after a terminal state; race-free and gap-free as
 * {@link Lifecycle} says. A stream still open when the backfill's time is up expires it
 * (the expired state reaches every stream on the backfill's channel).
 */
class BackfillEvents {

	private final Lifecycle<BackfillSnapshot> lifecycle;

	private final BackfillStore backfills;

	private final BackfillService service;

	private final Clock clock;

	BackfillEvents(ChannelRouter<BackfillSnapshot> updates, BackfillStore backfills, BackfillService service,
			Clock clock) {
		this.lifecycle = new Lifecycle<>(updates, backfills::find, BackfillSnapshot::version,
				(snapshot) -> snapshot.state().isTerminal());
		this.backfills = backfills;
		this.service = service;
		this.clock = clock;
	}

	/**
	 * @param backfill the backfill as the caller read it (and was allowed to)
	 * @return its snapshots from now on
	 */
	Flux<BackfillSnapshot> follow(BackfillSnapshot backfill) {
		return Flux.using(() -> expiry(backfill).subscribe(), (timer) -> this.lifecycle.follow(backfill.id()),
				Disposable::dispose);
	}

	/** At the backfill's expiry time, expires it if it is still open. */
	private Mono<BackfillSnapshot> expiry(BackfillSnapshot backfill) {
		Duration left = Duration.between(this.clock.instant(), backfill.backfill().expiresAt());
		return Mono.delay(left.isNegative() ? Duration.ZERO : left)
			.then(this.backfills.find(backfill.id()))
			.flatMap(this.service::expireIfDue)
			.onErrorResume((ex) -> Mono.empty());
	}

}
