package dev.rivalry.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange of the contract: JSON in and out, a bearer token, a timeout, the
 * refusal as a {@link ProblemException}, and asking again after a {@code Retry-After}.
 * Event streams: the status first (a refusal has no events), then the decoded events.
 * Thread safe.
 */
final class Calls {

	private static final String JSON = "application/json";

	/** Newer services may add members: a client built before them reads what it knows. */
	final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	final ClientSettings settings;

	private final HttpClient http;

	private final HttpClient streams;

	private final Retry afterRetryAfter;

	Calls(HttpClient http, HttpClient streams, ClientSettings settings) {
		this.http = http;
		this.streams = streams;
		this.settings = settings;
		this.afterRetryAfter = Retry.from((signals) -> signals.concatMap((signal) -> {
			Duration wait = retryAfter(signal.failure());
			return (wait != null && signal.totalRetries() < settings.retries()) ? Mono.delay(wait)
					: Mono.error(signal.failure());
		}));
	}

	/**
	 * @param answer the type of a 2xx answer's body; {@code Void.class} for none
	 * @return the answer; a {@link ProblemException} when refused (after the retries its
	 * {@code Retry-After} allows); a {@link java.util.concurrent.TimeoutException} past the call timeout
	 */
	<T> Mono<T> call(HttpMethod method, URI uri, String bearer, Object body, Class<T> answer) {
		return Mono.defer(() -> once(method, uri, bearer, body, answer)).retryWhen(this.afterRetryAfter);
	}

	/** @return the answer of one attempt, whatever its {@code Retry-After} */
	<T> Mono<T> callOnce(HttpMethod method, URI uri, String bearer, Object body, Class<T> answer) {
		return Mono.defer(() -> once(method, uri, bearer, body, answer));
	}

	/** @return the events of one connection to a stream; it completes when the service ends the stream */
	Flux<ServerEvent> stream(URI uri, String bearer, String lastEventId) {
		return this.streams.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, "text/event-stream");
			bearer(headers, bearer);
			if (lastEventId != null) {
				headers.set("Last-Event-ID", lastEventId);
			}
		}).get().uri(uri).response((response, content) -> {
			if (response.status().code() != 200) {
				return content.aggregate()
					.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.flatMapMany((text) -> Flux.error(Problems.from(this.json, response.status().code(), text,
							response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER))));
			}
			return SseDecoder.decode(content.asByteArray());
		}).timeout(this.settings.streamIdleTimeout());
	}

	/** @return the service's {@code Retry-After} when the failure is a problem that has one short enough to wait */
	Duration retryAfter(Throwable failure) {
		if (failure instanceof ProblemException problem && problem.retryAfter() != null
				&& problem.retryAfter().compareTo(this.settings.longestRetryAfter()) <= 0) {
			return problem.retryAfter();
		}
		return null;
	}

	private <T> Mono<T> once(HttpMethod method, URI uri, String bearer, Object body, Class<T> answer) {
		String content = (body != null) ? this.json.writeValueAsString(body) : null;
		HttpClient client = this.http.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, JSON);
			bearer(headers, bearer);
			if (content != null) {
				headers.set(HttpHeaderNames.CONTENT_TYPE, JSON);
			}
		});
		HttpClient.ResponseReceiver<?> request = (content != null)
				? client.request(method).uri(uri).send(ByteBufFlux.fromString(Mono.just(content)))
				: client.request(method).uri(uri);
		return request.responseSingle((response, bytes) -> bytes.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((text) -> read(response.status().code(), text,
					response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER), answer)))
			.timeout(this.settings.callTimeout());
	}

	private <T> Mono<T> read(int status, String text, String retryAfter, Class<T> answer) {
		if (status < 200 || status > 299) {
			return Mono.error(Problems.from(this.json, status, text, retryAfter));
		}
		if (answer == Void.class || text.isEmpty()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> this.json.readValue(text, answer));
	}

	private static void bearer(io.netty.handler.codec.http.HttpHeaders headers, String bearer) {
		if (bearer != null) {
			headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
		}
	}

}
