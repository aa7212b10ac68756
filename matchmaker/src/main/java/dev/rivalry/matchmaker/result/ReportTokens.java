package dev.rivalry.matchmaker.result;

import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.Verified;
import dev.rivalry.web.BearerTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A game server's credential for its match: the report token the serverlist signed when the
 * server confirmed the start. It lets the server report the match's result and ask for
 * backfills of that match, nothing else. Refusals are 401 problems that never say why (the
 * logs and metrics do), or a 503 when the serverlist's keys cannot be fetched.
 */
public class ReportTokens {

	private static final Logger logger = LoggerFactory.getLogger(ReportTokens.class);

	private final TokenVerifier verifier;

	public ReportTokens(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	/**
	 * @param matchId the match the call is about
	 * @param authorization the {@code Authorization} header, or null
	 * @return the claims of a valid report token for that match; an error problem otherwise
	 */
	public Mono<ReportClaims> verifyFor(String matchId, String authorization) {
		return verify(authorization).flatMap((claims) -> {
			if (!claims.matchId().equals(matchId)) {
				logger.info("Report token refused for match '{}': it is for another match", matchId);
				return Mono.error(new ResultProblems.InvalidReportToken("wrong_match"));
			}
			return Mono.just(claims);
		});
	}

	/**
	 * @param authorization the {@code Authorization} header, or null
	 * @return the claims of a valid report token, whatever its match
	 */
	public Mono<ReportClaims> verify(String authorization) {
		String token = BearerTokens.of(authorization).orElse(null);
		if (token == null) {
			return Mono.error(new ResultProblems.InvalidReportToken("missing"));
		}
		return this.verifier.verify(token, TokenKind.REPORT).flatMap((result) -> {
			if (result instanceof Rejected<ReportClaims> rejected) {
				logger.info("Report token refused: {} ({})", rejected.reason(), rejected.detail());
				return Mono.error((rejected.reason() == Rejected.Reason.KEYS_UNAVAILABLE)
						? new ResultProblems.KeysUnavailable()
						: new ResultProblems.InvalidReportToken(rejected.reason().tag()));
			}
			return Mono.just(((Verified<ReportClaims>) result).claims());
		});
	}

}
