package dev.rivalry.redis;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of one thing stored in Redis and published on its channel at every change (a
 * ticket, a backfill) as a stream of its versions: the current one first, then one per
 * change, completing after a terminal one.
 * <p>
 * Race-free by order: the watcher is registered (on a subscription that is always open)
 * before the state is read, so a change made between the two is both read and received;
 * versions drop the duplicate.
 * <p>
 * Gap-free by re-reading: pub/sub drops what is published while the subscription is down
 * (a reconnection, a Redis restart). Each time the router reports that its subscription is
 * live again after a possible gap, the stream reads the thing again and emits it if it is
 * newer than what it emitted (ADR 0004, amended). Thread safe.
 *
 * @param <T> a version of the thing
 * @param router the router of the things' channels
 * @param read reads the current version by id; empty when unknown
 * @param version the version number of a version, growing with every change
 * @param terminal whether a version is the last
 */
public record Lifecycle<T>(ChannelRouter<T> router, Function<String, Mono<T>> read, ToLongFunction<T> version,
		Predicate<T> terminal) {

	/**
	 * @param id the thing's id
	 * @return its versions from now on; empty when it is unknown
	 */
	public Flux<T> follow(String id) {
		return Flux.using(() -> this.router.watch(id), (watcher) -> currentThenChanges(id, watcher.messages()),
				ChannelRouter.Watcher::close)
			.transform(this::newerOnly)
			.takeUntil(this.terminal);
	}

	/**
	 * The current version, then the changes, which the watcher buffered since before the read
	 * was sent, and the version read again after each gap. An unknown id ends the stream empty.
	 */
	private Flux<T> currentThenChanges(String id, Flux<T> changes) {
		Mono<Optional<T>> current = this.read.apply(id).map(Optional::of).defaultIfEmpty(Optional.empty());
		Flux<T> afterGaps = this.router.gaps().concatMap((gap) -> reread(id));
		return Flux.mergeSequential(current, Flux.merge(changes, afterGaps).map(Optional::of))
			.takeWhile(Optional::isPresent)
			.map(Optional::get);
	}

	/**
	 * The version read again after a gap. A read that fails (Redis away again) is dropped: the
	 * reconnection that follows reports another gap, and the stream reads again then.
	 */
	private Mono<T> reread(String id) {
		return this.read.apply(id).onErrorResume((ex) -> Mono.empty());
	}

	/** Drops every version that is not newer than the last one let through. */
	private Flux<T> newerOnly(Flux<T> versions) {
		return Flux.defer(() -> {
			long[] last = { 0 };
			return versions.filter((each) -> {
				long current = this.version.applyAsLong(each);
				if (current <= last[0]) {
					return false;
				}
				last[0] = current;
				return true;
			});
		});
	}

}
