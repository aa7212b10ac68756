package dev.rivalry.engine.pool;

import java.time.Clock;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/pools}: the pools this instance owns, with tickets waiting, the oldest
 * wait and matches formed.
 */
@RestController
class PoolsController {

	private final PoolRegistry pools;

	private final Clock clock;

	PoolsController(PoolRegistry pools, Clock clock) {
		this.pools = pools;
		this.clock = clock;
	}

	@GetMapping("/v1/pools")
	List<PoolView> pools() {
		return this.pools.describe(this.clock.instant());
	}

}
