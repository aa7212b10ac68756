package dev.rivalry.serverlist.server;

import java.time.Clock;
import java.util.Map;

import dev.rivalry.redis.Sweeper;
import dev.rivalry.serverlist.system.ServerlistKeys;
import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ServerConfiguration.class);

	@Bean
	ServerScripts serverScripts(ReactiveStringRedisTemplate redis, ServerlistKeys keys, Clock clock,
			ServerlistProperties properties) {
		return new ServerScripts(redis, keys, clock, properties);
	}

	@Bean
	ServerRegistry serverRegistry(ReactiveStringRedisTemplate redis, ServerScripts scripts, JsonMapper json,
			ServerlistProperties properties) {
		return new ServerRegistry(redis, scripts, new ServerCodec(json), properties.defaultGame());
	}

	@Bean
	FleetKeys fleetKeys(ServerlistProperties properties) {
		Map<String, String> fleets = properties.effectiveFleets();
		if (properties.fleets().isEmpty()) {
			logger.warn("No fleets configured (rivalry.serverlist.fleets): servers register with the development"
					+ " fleet '{}' and its well-known key '{}'. Fine on a developer's machine, wrong anywhere else.",
					ServerlistProperties.DEV_FLEET, ServerlistProperties.DEV_FLEET_KEY);
		}
		else {
			fleets.forEach((fleet, key) -> {
				if (ServerlistProperties.DEV_FLEET_KEY.equals(key)) {
					logger.warn("Fleet '{}' uses the well-known development key: anyone can register servers in it.",
							fleet);
				}
			});
		}
		return new FleetKeys(fleets);
	}

	@Bean
	ServerCredentials serverCredentials(TokenIssuer issuer, TokenVerifier verifier, FleetKeys fleets) {
		return new ServerCredentials(issuer, verifier, fleets);
	}

	@Bean
	ServerCounts serverCounts(ReactiveStringRedisTemplate redis, ServerlistKeys keys, MeterRegistry registry) {
		return new ServerCounts(redis, keys, registry);
	}

	@Bean
	Sweeper serverHealthSweeper(ReactiveStringRedisTemplate redis, ServerScripts scripts, ServerCounts counts,
			ServerlistProperties properties, MeterRegistry registry) {
		ServerHealth health = new ServerHealth(redis, scripts, counts, properties.sweep().batch(), registry);
		return new Sweeper("Server health sweep", properties.sweep().interval(), health::sweepOnce);
	}

}
