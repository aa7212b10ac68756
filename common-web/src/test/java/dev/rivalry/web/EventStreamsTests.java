package dev.rivalry.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamsTests {

	private final EventStreams streams = new EventStreams();

	@Test
	void anIdleStreamGetsHeartbeatCommentsAndEndsWithItsEvents() {
		Sinks.Many<ServerSentEvent<String>> events = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(this.streams.live(events.asFlux(), Duration.ofMillis(50)))
			.then(() -> events.tryEmitNext(ServerSentEvent.builder("first").build()))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("first"))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("heartbeat"))
			.then(events::tryEmitComplete)
			.thenConsumeWhile((event) -> "heartbeat".equals(event.comment()))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void everyStreamEndsWhenTheInstanceBeginsToStop() {
		this.streams.start();
		Flux<ServerSentEvent<String>> endless = Flux.never();
		StepVerifier.create(this.streams.live(endless, Duration.ofMinutes(1)))
			.expectSubscription()
			.then(this.streams::stop)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(this.streams.endOnShutdown(Flux.never())).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(this.streams.isRunning()).isFalse();
	}

	@Test
	void aStoppedInstanceStartedAgainServesStreamsAgain() {
		this.streams.start();
		this.streams.stop();
		this.streams.start();

		StepVerifier.create(this.streams.live(Flux.just(ServerSentEvent.builder("after").build()).concatWith(Flux.never()),
				Duration.ofMinutes(1)))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("after"))
			.expectNoEvent(Duration.ofMillis(200))
			.then(this.streams::stop)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
