package dev.rivalry.matchmaker.result;

import dev.rivalry.kafka.RecordPublisher;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * Publishes results to {@code rivalry.results} for downstream consumers (leaderboards,
 * analytics), keyed by the match id, acknowledged by all in-sync replicas. At least once:
 * a report completed again after a failure may publish its match twice, with the same
 * content; consumers deduplicate by {@code matchId}.
 */
class ResultStream {

	static final String TOPIC = "rivalry.results";

	private final RecordPublisher publisher;

	private final JsonMapper json;

	ResultStream(RecordPublisher publisher, JsonMapper json) {
		this.publisher = publisher;
		this.json = json;
	}

	Mono<Void> publish(MatchResult result) {
		return this.publisher.publish(TOPIC, result.matchId(), this.json.writeValueAsString(result));
	}

}
