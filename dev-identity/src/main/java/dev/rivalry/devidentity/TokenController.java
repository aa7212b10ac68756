package dev.rivalry.devidentity;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.rivalry.web.ProblemException;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's whole HTTP contract (docs/dev-identity.md): {@code POST
 * /v1/players/{id}/token} with an optional {@code { "party": [...] }}, {@code POST
 * /v1/backends/{id}/token} (scope {@code rivalry:tickets}), both answering
 * {@code { "token", "expiresAt" }}, and {@code GET /.well-known/jwks.json}. No credential
 * is asked for: that is what makes it a development tool. Ids that the matchmaker would
 * refuse are refused here too ({@code 400 invalid-request}), so a token names a player that
 * can exist.
 */
@RestController
class TokenController {

	/** A player or client id, as the matchmaker accepts player ids. */
	static final String ID = "[A-Za-z0-9._:@-]{1,128}";

	static final String ID_MESSAGE = "must be 1 to 128 letters, digits or . _ : @ -";

	private static final Pattern ID_PATTERN = Pattern.compile(ID);

	private final IdentityTokens tokens;

	private final DevIdentityProperties properties;

	TokenController(IdentityTokens tokens, DevIdentityProperties properties) {
		this.tokens = tokens;
		this.properties = properties;
	}

	@PostMapping("/v1/players/{id}/token")
	Mono<IssuedIdentityToken> player(@PathVariable String id,
			@RequestBody(required = false) @Valid PlayerTokenRequest request) {
		List<String> party = (request != null) ? request.members() : List.of();
		return validId(id)
			.map((player) -> this.tokens.player(player, party, this.properties.tokenLifetime()));
	}

	@PostMapping("/v1/backends/{id}/token")
	Mono<IssuedIdentityToken> backend(@PathVariable String id) {
		return validId(id).map((client) -> this.tokens.backend(client, IdentityTokens.BACKEND_SCOPE,
				this.properties.tokenLifetime()));
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	String jwks() {
		return this.tokens.jwksJson();
	}

	/** The same problem as an invalid body field, so clients handle both one way. */
	private static Mono<String> validId(String id) {
		if (ID_PATTERN.matcher(id).matches()) {
			return Mono.just(id);
		}
		return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "id: " + ID_MESSAGE,
				Map.of("errors", List.of(Map.of("field", "id", "message", ID_MESSAGE)))));
	}

}
