package dev.rivalry.matchmaker.ticket;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /v1/tickets}: create, read and cancel tickets.
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

	@PostMapping
	Mono<ResponseEntity<TicketView>> create(@Valid @RequestBody CreateTicketRequest request) {
		return Mono.defer(() -> this.tickets.create(request))
			.map(this.views::render)
			.map((view) -> ResponseEntity.created(URI.create("/v1/tickets/" + view.id())).body(view));
	}

	@GetMapping("/{id}")
	Mono<TicketView> get(@PathVariable String id) {
		return this.tickets.find(id)
			.map(this.views::render)
			.switchIfEmpty(Mono.error(() -> new TicketProblems.NotFound(id)));
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> cancel(@PathVariable String id) {
		return this.tickets.cancel(id).then(Mono.just(ResponseEntity.noContent().build()));
	}

}
