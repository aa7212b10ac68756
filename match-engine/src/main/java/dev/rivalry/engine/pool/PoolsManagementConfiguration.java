package dev.rivalry.engine.pool;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine's operator surface, on the management port only (docs/adr/0009): imported into
 * the management child context, kept out of the service's own scan. In a JVM that runs
 * several services (standalone), every service's management context sees this class: only
 * the engine's, which has pools, takes it.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBean(PoolRegistry.class)
@Import(PoolsManagementConfiguration.PoolsController.class)
class PoolsManagementConfiguration {

	/**
	 * {@code GET /v1/pools}: the pools this instance owns, with tickets waiting, the oldest
	 * wait and matches formed.
	 */
	@RestController
	static class PoolsController {

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

}
