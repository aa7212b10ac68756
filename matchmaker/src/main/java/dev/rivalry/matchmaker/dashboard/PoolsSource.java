package dev.rivalry.matchmaker.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tickets waiting per profile and pool: every configured engine's {@code GET /v1/pools},
 * asked at once, each within the timeout; the pools of the engines that answered are
 * merged, and those that did not are named.
 */
final class PoolsSource {

	private static final Logger logger = LoggerFactory.getLogger(PoolsSource.class);

	private final WebClient client;

	private final List<URI> engines;

	private final Duration timeout;

	PoolsSource(WebClient client, List<URI> engines, Duration timeout) {
		this.client = client;
		this.engines = List.copyOf(engines);
		this.timeout = timeout;
	}

	/** @return the pools; never fails */
	Mono<Section<List<PoolFigures>>> read() {
		if (this.engines.isEmpty()) {
			return Mono.just(Section.off());
		}
		return Flux.fromIterable(this.engines)
			.flatMap(this::ask)
			.collectList()
			.map(this::merge);
	}

	private Mono<Answer> ask(URI engine) {
		return this.client.get()
			.uri(at(engine, "/v1/pools"))
			.retrieve()
			.bodyToFlux(PoolFigures.class)
			.collectList()
			.timeout(this.timeout)
			.map((pools) -> new Answer(engine, pools))
			// One policy: an engine that does not answer is named unavailable, never breaks the feed.
			.onErrorResume((ex) -> {
				logger.debug("Engine {} did not answer: {}", engine, ex.toString());
				return Mono.just(new Answer(engine, null));
			});
	}

	private Section<List<PoolFigures>> merge(List<Answer> answers) {
		Map<String, PoolFigures> pools = new LinkedHashMap<>();
		List<String> unavailable = new ArrayList<>();
		for (Answer answer : answers) {
			if (answer.pools() == null) {
				unavailable.add(answer.engine().toString());
				continue;
			}
			answer.pools().forEach((pool) -> pools.merge(pool.profile() + '\u0000' + pool.pool(), pool, PoolFigures::plus));
		}
		List<PoolFigures> sorted = pools.values()
			.stream()
			.sorted(Comparator.comparing(PoolFigures::profile).thenComparing(PoolFigures::pool))
			.toList();
		return Section.of(sorted, unavailable, answers.size());
	}

	/** A path under a base URL, whether or not the base ends with a slash. */
	static URI at(URI base, String path) {
		return URI.create(base.toString().replaceAll("/+$", "") + path);
	}

	/** @param pools what the engine said, or null when it did not answer */
	private record Answer(URI engine, List<PoolFigures> pools) {
	}

}
