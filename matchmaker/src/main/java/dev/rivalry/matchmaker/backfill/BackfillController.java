package dev.rivalry.matchmaker.backfill;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.web.EventStreams;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A game server's backfills, with its match's report token as the credential
 * ({@code Authorization: Bearer}): {@code POST /v1/matches/{matchId}/backfills} opens one
 * (replacing the match's open one), {@code GET} and {@code DELETE /v1/backfills/{id}} read
 * and cancel it, {@code GET /v1/backfills/{id}/events} streams it as server-sent events
 * named {@code backfill}. See docs/backfill.md.
 */
@RestController
class BackfillController {

	private final BackfillService backfills;

	private final BackfillEvents events;

	private final EventStreams live;

	private final Duration heartbeat;

	BackfillController(BackfillService backfills, BackfillEvents events, EventStreams live,
			MatchmakerProperties properties) {
		this.backfills = backfills;
		this.events = events;
		this.live = live;
		this.heartbeat = properties.heartbeat();
	}

	/** JSON only: a client that accepts nothing else is refused (406) before anything is stored. */
	@PostMapping(path = "/v1/matches/{matchId}/backfills", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<BackfillView>> open(@PathVariable String matchId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody BackfillRequest request) {
		return Mono.defer(() -> this.backfills.open(matchId, authorization, request))
			.map((opened) -> ResponseEntity.created(URI.create("/v1/backfills/" + opened.id()))
				.body(BackfillView.of(opened)));
	}

	@GetMapping("/v1/backfills/{id}")
	Mono<BackfillView> find(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.backfills.find(id, authorization).map(BackfillView::of);
	}

	@DeleteMapping("/v1/backfills/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> cancel(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.backfills.cancel(id, authorization);
	}

	/** The caller is checked when the stream opens; an unknown backfill is a 404 before any event. */
	@GetMapping(path = "/v1/backfills/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<BackfillView>>>> events(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.backfills.find(id, authorization).map((backfill) -> {
			Flux<ServerSentEvent<BackfillView>> states = this.events.follow(backfill)
				.map((snapshot) -> ServerSentEvent.builder(BackfillView.of(snapshot))
					.event("backfill")
					.id(Long.toString(snapshot.version()))
					.build());
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(this.live.live(states, this.heartbeat));
		});
	}

}
