package dev.rivalry.serverlist.allocation;

import java.time.Clock;

import dev.rivalry.redis.Sweeper;
import dev.rivalry.serverlist.server.ServerRegistry;
import dev.rivalry.serverlist.server.ServerScripts;
import dev.rivalry.serverlist.system.ServerlistProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class AllocationConfiguration {

	@Bean
	Allocations allocations(ReactiveStringRedisTemplate redis, ServerScripts scripts, JsonMapper json) {
		return new Allocations(redis, scripts, json);
	}

	@Bean
	AllocationMetrics allocationMetrics(MeterRegistry registry) {
		return new AllocationMetrics(registry);
	}

	@Bean
	Allocator allocator(Allocations allocations, ServerRegistry registry, Clock clock, ServerlistProperties properties) {
		return new Allocator(allocations, registry, clock, properties);
	}

	@Bean
	Sweeper allocationExpirySweeper(Allocations allocations, AllocationMetrics metrics,
			ServerlistProperties properties) {
		AllocationExpiry expiry = new AllocationExpiry(allocations, metrics, properties.sweep().batch());
		return new Sweeper("Allocation expiry sweep", properties.sweep().interval(), expiry::sweepOnce);
	}

}
