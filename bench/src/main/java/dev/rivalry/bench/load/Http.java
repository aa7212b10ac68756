package dev.rivalry.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
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

	Http(int maxCallConnections, int maxStreams, Duration callTimeout) {
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
		HttpClient client = this.calls.headers((headers) -> {
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

}
