package dev.rivalry.matchmaker.result;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/matches/{matchId}/results}: a game server reports the result of the
 * match it ran, with the report token the serverlist gave it.
 */
@RestController
class ResultController {

	private final ResultService results;

	ResultController(ResultService results) {
		this.results = results;
	}

	/** JSON only: a client that accepts nothing else is refused (406) before anything is recorded. */
	@PostMapping(path = "/v1/matches/{matchId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<MatchResult> report(@PathVariable String matchId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody ReportRequest request) {
		return Mono.defer(() -> this.results.report(matchId, authorization, request));
	}

}
