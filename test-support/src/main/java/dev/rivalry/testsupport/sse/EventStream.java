package dev.rivalry.testsupport.sse;

import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Follows a server-sent event stream through WebTestClient, its events' data read as {@code T}.
 * The flux is the live stream: it stays open until it ends, or the test cancels it
 * ({@code StepVerifier}'s {@code thenCancel()}, {@code blockFirst}).
 *
 * @param type what each event is read as
 * @param <T> the events' data
 */
public record EventStream<T>(ParameterizedTypeReference<ServerSentEvent<T>> type) {

	/** @return events whose data is JSON read as this class */
	public static <T> EventStream<T> of(Class<T> data) {
		return new EventStream<>(ParameterizedTypeReference
			.forType(ResolvableType.forClassWithGenerics(ServerSentEvent.class, data).getType()));
	}

	/** @return events whose data is a JSON object, read as a map */
	public static EventStream<Map<String, Object>> ofJsonObjects() {
		return new EventStream<>(new ParameterizedTypeReference<>() {
		});
	}

	/**
	 * @param request the stream's request, e.g. {@code client.get().uri("/v1/tickets/{id}/events", id)}
	 * @return the answer to the request sent as a stream's ({@code Accept: text/event-stream}),
	 * for a test about a refusal
	 */
	public static WebTestClient.ResponseSpec request(WebTestClient.RequestHeadersSpec<?> request) {
		return request.accept(MediaType.TEXT_EVENT_STREAM).exchange();
	}

	/**
	 * @param request the stream's request
	 * @return its events (comments and heartbeats included) once it answered 200
	 */
	public Flux<ServerSentEvent<T>> open(WebTestClient.RequestHeadersSpec<?> request) {
		return request(request).expectStatus().isOk().returnResult(this.type).getResponseBody();
	}

	/**
	 * @param request the stream's request
	 * @return the data of its events that carry data, once it answered 200
	 */
	public Flux<T> data(WebTestClient.RequestHeadersSpec<?> request) {
		return open(request).filter((event) -> event.data() != null).map(ServerSentEvent::data);
	}

	/**
	 * @param name the events' name ({@code event:} field)
	 * @param request the stream's request
	 * @return its events of that name, once it answered 200
	 */
	public Flux<ServerSentEvent<T>> named(String name, WebTestClient.RequestHeadersSpec<?> request) {
		return open(request).filter((event) -> name.equals(event.event()));
	}

}
