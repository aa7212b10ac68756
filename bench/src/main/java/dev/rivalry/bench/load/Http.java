package dev.rivalry.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.rivalry.client.ServerEvent;
import dev.rivalry.client.SseDecoder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The generator's HTTP: plain reactor-netty, no Spring, so the generator spends as little
 * of the machine as it can; the client library calls through its two clients. Two connection pools: short calls share keep-alive
 * connections; every event stream holds a connection of its own for its whole life.
 */
final class Http implements AutoCloseable {

	private static final String JSON = "application/json";

	private final LoopResources loops;

	private final ConnectionProvider callPool;

	private final ConnectionProvider streamPool;

	private final HttpClient calls;

	private final HttpClient streams;

	private final Duration callTimeout;

	private final HttpClient playerCalls;

	private final HttpClient playerStreams;

	/**
	 * @param http2 whether players' calls and streams ({@link #playerCall}, {@link #events})
	 * use HTTP/2 cleartext with prior knowledge: each is a stream multiplexed on a few
	 * connections, as a client holding many tickets would have
	 */
	Http(int maxCallConnections, int maxStreams, Duration callTimeout, boolean http2) {
		this.callTimeout = callTimeout;
		this.loops = LoopResources.create("bench-http", Math.max(2, Runtime.getRuntime().availableProcessors()), true);
		// Open loop: requests never wait for a connection long; a pool queue that grows shows as latency.
		this.callPool = ConnectionProvider.builder("bench-calls")
			.maxConnections(maxCallConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(callTimeout)
			.build();
		this.streamPool = ConnectionProvider.builder("bench-streams")
			.maxConnections(maxStreams)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(callTimeout)
			.build();
		this.calls = HttpClient.create(this.callPool).runOn(this.loops).responseTimeout(callTimeout);
		this.streams = HttpClient.create(this.streamPool).runOn(this.loops);
		this.playerCalls = http2 ? this.calls.protocol(HttpProtocol.H2C) : this.calls;
		this.playerStreams = http2 ? this.streams.protocol(HttpProtocol.H2C) : this.streams;
	}

	/** @return the client of short calls (its pool and timeout), for the client library and the identity provider's client */
	HttpClient calls() {
		return this.calls;
	}

	/** @return the client of event streams: a connection of its own for each */
	HttpClient streams() {
		return this.streams;
	}

	/**
	 * One call with an optional JSON body and bearer token.
	 * @return the status and body; failures to connect or answer in time are errors
	 */
	Mono<Response> call(HttpMethod method, URI uri, String bearer, String json) {
		return call(this.calls, method, uri, bearer, json);
	}

	/** A player's call: over h2c when the run asks for it. */
	Mono<Response> playerCall(HttpMethod method, URI uri, String bearer, String json) {
		return call(this.playerCalls, method, uri, bearer, json);
	}

	private Mono<Response> call(HttpClient over, HttpMethod method, URI uri, String bearer, String json) {
		HttpClient client = over.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, JSON);
			if (bearer != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
			}
			if (json != null) {
				headers.set(HttpHeaderNames.CONTENT_TYPE, JSON);
			}
		});
		HttpClient.ResponseReceiver<?> request = (json != null)
				? client.request(method).uri(uri).send(ByteBufFlux.fromString(Mono.just(json), StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT))
				: client.request(method).uri(uri);
		return request
			.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), text,
						response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER))))
			.timeout(this.callTimeout.plusSeconds(1));
	}

	/**
	 * A server-sent event stream: the status first (a refusal has no events), then its events.
	 * @return the events; the stream's end completes the flux
	 */
	Flux<ServerEvent> events(URI uri, String bearer) {
		return this.playerStreams.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, "text/event-stream");
			if (bearer != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
			}
		}).get().uri(uri).response((response, content) -> {
			if (response.status().code() != 200) {
				return content.aggregate()
					.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.flatMapMany((body) -> Flux.error(new Refused(response.status().code(), body)));
			}
			return SseDecoder.decode(content.asByteArray());
		});
	}

	@Override
	public void close() {
		this.callPool.dispose();
		this.streamPool.dispose();
		this.loops.dispose();
	}

	/**
	 * @param status the HTTP status
	 * @param body the body, {@code ""} when none
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 */
	record Response(int status, String body, String retryAfter) {
	}

	/** A stream refused before its first event: the status and the problem body. */
	static final class Refused extends RuntimeException {

		private final int status;

		private final String body;

		Refused(int status, String body) {
			super("HTTP " + status, null, false, false);
			this.status = status;
			this.body = body;
		}

		int status() {
			return this.status;
		}

		String body() {
			return this.body;
		}

	}

}
