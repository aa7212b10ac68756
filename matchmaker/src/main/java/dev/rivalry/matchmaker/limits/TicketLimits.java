package dev.rivalry.matchmaker.limits;

import java.security.Principal;

import dev.rivalry.limits.ClientAddresses;
import dev.rivalry.limits.Limit;
import dev.rivalry.limits.RequestLimits;
import dev.rivalry.matchmaker.identity.Caller;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

/**
 * Which buckets a ticket call is charged to, once its token has been verified: a player's
 * call to the player's and to its client address's; a game back end's to its client id's
 * only (it queues many players from few addresses). Creating a ticket and every other ticket
 * call ("reads": reading, following, cancelling, answering a proposal) have separate limits.
 */
final class TicketLimits implements RequestLimits.Charges {

	private static final String TICKETS = "/v1/tickets";

	private final Limit createsPerPlayer;

	private final Limit createsPerAddress;

	private final Limit createsPerBackend;

	private final Limit readsPerPlayer;

	private final Limit readsPerAddress;

	private final Limit readsPerBackend;

	private final ClientAddresses addresses;

	TicketLimits(MatchmakerProperties.RateLimits limits, ClientAddresses addresses) {
		this.createsPerPlayer = new Limit("creates-per-player", limits.createsPerPlayer());
		this.createsPerAddress = new Limit("creates-per-address", limits.createsPerAddress());
		this.createsPerBackend = new Limit("creates-per-backend", limits.createsPerBackend());
		this.readsPerPlayer = new Limit("reads-per-player", limits.readsPerPlayer());
		this.readsPerAddress = new Limit("reads-per-address", limits.readsPerAddress());
		this.readsPerBackend = new Limit("reads-per-backend", limits.readsPerBackend());
		this.addresses = addresses;
	}

	/** @return whether the request is a call of the ticket endpoints (the resource server's paths) */
	static boolean isTicketCall(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		return path.equals(TICKETS) || path.startsWith(TICKETS + "/");
	}

	/** @return whether the request creates a ticket ({@code POST /v1/tickets}) */
	static boolean isCreate(ServerHttpRequest request) {
		return HttpMethod.POST.equals(request.getMethod())
				&& request.getPath().pathWithinApplication().value().equals(TICKETS);
	}

	@Override
	public Flux<RequestLimits.Charge> of(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (!isTicketCall(request)) {
			return Flux.empty();
		}
		boolean create = isCreate(request);
		return exchange.getPrincipal().flatMapMany((principal) -> charges(callerOf(principal), create, request));
	}

	private Flux<RequestLimits.Charge> charges(Caller caller, boolean create, ServerHttpRequest request) {
		if (caller instanceof Caller.Player player) {
			String address = this.addresses.of(request);
			return Flux.just(new RequestLimits.Charge(create ? this.createsPerPlayer : this.readsPerPlayer, player.id()),
					new RequestLimits.Charge(create ? this.createsPerAddress : this.readsPerAddress, address));
		}
		if (caller instanceof Caller.Backend backend) {
			return Flux.just(new RequestLimits.Charge(create ? this.createsPerBackend : this.readsPerBackend,
					backend.clientId()));
		}
		return Flux.empty();
	}

	/** The caller the token proved; with authentication off (development), the anonymous back end. */
	private static Caller callerOf(Principal principal) {
		return (principal instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof Caller caller) ? caller : null;
	}

}
