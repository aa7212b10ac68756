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
 * {@code /v1/tickets}: create, read and cancel tickets, each call as the {@link Caller} its
 * bearer token proved (see IdentityConfiguration).
 */
@RestController
@RequestMapping("/v1/tickets")
class TicketController {

	private final TicketService tickets;

	private final TicketViews views;

	TicketController(TicketService tickets, TicketViews views) {
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

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return this.tickets.cancel(caller, id).then(Mono.just(ResponseEntity.noContent().build()));
	}

}
