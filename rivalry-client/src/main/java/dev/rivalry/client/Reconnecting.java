package dev.rivalry.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * An event stream followed as an {@code EventSource} follows one: when it drops, or ends
 * before its last event, it is opened again with a fresh token and {@code Last-Event-ID}
 * set to the last event's id, so the service sends only what is newer (docs/api.md, "Ticket
 * events"; docs/serverlist.md for a server's stream).
 */
final class Reconnecting {

	private final Calls calls;

	Reconnecting(Calls calls) {
		this.calls = calls;
	}

	/**
	 * @param read what an event means to the caller, {@code null} for nothing (a comment, an event it does not follow)
	 * @param last the value after which the stream is over (a terminal ticket, a removed server)
	 * @param fatal failures not worth a reconnection (the stream is gone for good)
	 * @return the values of every connection's events in turn; completes after {@code last};
	 * an error when a fatal failure came or reconnections in a row ran out
	 */
	<T> Flux<T> follow(URI uri, TokenSource token, Function<ServerEvent, T> read, Predicate<T> last,
			Predicate<Throwable> fatal) {
		AtomicReference<String> lastId = new AtomicReference<>();
		AtomicBoolean over = new AtomicBoolean();
		ClientSettings settings = this.calls.settings;
		return Flux.defer(() -> token.token().flatMapMany((bearer) -> this.calls.stream(uri, bearer, lastId.get())))
			.<T>handle((event, sink) -> {
				if (event.id() != null) {
					lastId.set(event.id());
				}
				T value = read.apply(event);
				if (value != null) {
					over.compareAndSet(false, last.test(value));
					sink.next(value);
				}
			})
			.takeUntil(last)
			// The service ended the stream before its last event (an instance shutting down): connect again.
			.repeatWhen((ends) -> ends.takeWhile((end) -> !over.get()).delayElements(settings.reconnectDelay()))
			.retryWhen(Retry.from((failures) -> failures.concatMap((failure) -> {
				if (fatal.test(failure.failure()) || failure.totalRetriesInARow() >= settings.reconnects()) {
					return Mono.error(failure.failure());
				}
				Duration asked = this.calls.retryAfter(failure.failure());
				return Mono.delay((asked != null) ? asked : settings.reconnectDelay());
			})));
	}

	/** @return whether a stream's failure is a refusal that another try would only repeat (a 4xx other than 429) */
	static boolean refusedForGood(Throwable failure) {
		return failure instanceof ProblemException problem && problem.status() >= 400 && problem.status() < 500
				&& problem.status() != 429;
	}

}
