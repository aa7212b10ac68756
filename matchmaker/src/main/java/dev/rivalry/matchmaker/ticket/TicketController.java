package dev.rivalry.matchmaker.ticket;

import java.net.URI;

import dev.rivalry.matchmaker.identity.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /v1/tickets}: create, read, cancel tickets and answer their proposals, each call as the {@link Caller} its
 * bearer token proved (see IdentityConfiguration).
 */
@RestController
@RequestMapping("/v1/tickets")
class TicketController {

	private final TicketService tickets;

	private final TicketViews views;

	private final TicketAnswers answers;

	TicketController(TicketService tickets, TicketViews views, TicketAnswers answers) {
		this.answers = answers;
		this.tickets = tickets;
		this.views = views;
	}

	/**
	 * The body is checked by {@link TicketSchema}, not bean validation: one place holds its
	 * rules. It answers JSON only, so a client that accepts nothing else is refused (406)
	 * before anything is stored.
	 */
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<TicketView>> create(@AuthenticationPrincipal Caller caller,
			@RequestBody CreateTicketRequest request) {
		return Mono.defer(() -> this.tickets.create(caller, request))
			.map((snapshot) -> this.views.render(snapshot, caller))
			.map((view) -> ResponseEntity.created(URI.create("/v1/tickets/" + view.id())).body(view));
	}

	/** Someone else's ticket is answered exactly like one that does not exist. */
	@GetMapping("/{id}")
	Mono<TicketView> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return this.tickets.find(caller, id)
			.map((snapshot) -> this.views.render(snapshot, caller))
			.switchIfEmpty(Mono.error(() -> new TicketProblems.NotFound(id)));
	}

	/** Accepts the proposed match for the caller's players on the ticket (profiles with acceptance). */
	@PostMapping(path = "/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<TicketView> accept(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return this.answers.accept(caller, id).map((snapshot) -> this.views.render(snapshot, caller));
	}

	/** Declines the proposed match: the ticket ends {@code CANCELLED} ({@code declined}). */
	@PostMapping(path = "/{id}/decline", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<TicketView> decline(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return this.answers.decline(caller, id).map((snapshot) -> this.views.render(snapshot, caller));
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return this.tickets.cancel(caller, id).then(Mono.just(ResponseEntity.noContent().build()));
	}

}
