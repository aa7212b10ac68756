package dev.rivalry.serverlist.server;

import dev.rivalry.web.BearerTokens;
import dev.rivalry.tokens.IssuedToken;
import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.ServerClaims;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.Verified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Issues and checks server credentials: {@code rivalry-server+jwt} tokens whose subject is
 * the server's id. A credential opens only its own server's paths, and only while its fleet
 * is configured. Thread-safe.
 */
public class ServerCredentials {

	private static final Logger logger = LoggerFactory.getLogger(ServerCredentials.class);

	private final TokenIssuer issuer;

	private final TokenVerifier verifier;

	private final FleetKeys fleets;

	ServerCredentials(TokenIssuer issuer, TokenVerifier verifier, FleetKeys fleets) {
		this.issuer = issuer;
		this.verifier = verifier;
		this.fleets = fleets;
	}

	IssuedToken issue(Server server) {
		return this.issuer.issue(TokenKind.SERVER, new ServerClaims(server.id(), server.fleet()));
	}

	/**
	 * @param authorization the request's {@code Authorization} header, or {@code null}
	 * @param serverId the server the request is about
	 * @return the credential's claims, or a 401 problem (no, a bad or an expired credential)
	 * or a 403 problem (another server's credential)
	 */
	public Mono<ServerClaims> authorize(String authorization, String serverId) {
		String token = BearerTokens.of(authorization).orElse(null);
		if (token == null) {
			return Mono.error(new ServerProblems.InvalidCredential());
		}
		return this.verifier.verify(token, TokenKind.SERVER).flatMap((result) -> {
			if (result instanceof Rejected<ServerClaims> rejected) {
				logger.debug("Server credential for {} refused: {}", serverId, rejected.reason().tag());
				return Mono.error(new ServerProblems.InvalidCredential());
			}
			ServerClaims claims = ((Verified<ServerClaims>) result).claims();
			if (!this.fleets.exists(claims.fleet())) {
				logger.info("Server credential for {} refused: its fleet '{}' is no longer configured", serverId,
						claims.fleet());
				return Mono.error(new ServerProblems.InvalidCredential());
			}
			if (!claims.serverId().equals(serverId)) {
				return Mono.error(new ServerProblems.NotThisServer(serverId));
			}
			return Mono.just(claims);
		});
	}

}
