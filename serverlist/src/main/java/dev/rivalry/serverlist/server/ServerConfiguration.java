package dev.rivalry.serverlist.server;

import java.time.Clock;
import java.util.Map;

import dev.rivalry.redis.Sweeper;
import dev.rivalry.serverlist.system.ServerlistKeys;
import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.web.development.DevelopmentMode;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ServerConfiguration.class);

	private static final String FLEETS = "rivalry.serverlist.fleets";

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

	/**
	 * The fleets' keys. The well-known development key (also what an empty
	 * {@code rivalry.serverlist.fleets} falls back to) stops the start unless development mode
	 * is on: anyone can register servers with it, and would receive players' matches.
	 */
	@Bean
	FleetKeys fleetKeys(ServerlistProperties properties, DevelopmentMode development) {
		Map<String, String> fleets = properties.effectiveFleets();
		if (properties.fleets().isEmpty()) {
			refuseUnlessDevelopment(development, FLEETS, null, "no fleet is configured, so servers would register"
					+ " in the development fleet '" + ServerlistProperties.DEV_FLEET + "' with the well-known key '"
					+ DevelopmentMode.WELL_KNOWN_FLEET_KEY + "'; configure " + FLEETS + ".<name>=<key>");
			logger.warn("No fleets configured ({}): servers register with the development fleet '{}' and its"
					+ " well-known key '{}' ({}=true). Fine on a developer's machine, wrong anywhere else.", FLEETS,
					ServerlistProperties.DEV_FLEET, DevelopmentMode.WELL_KNOWN_FLEET_KEY, DevelopmentMode.PROPERTY);
		}
		else {
			fleets.forEach((fleet, key) -> {
				if (DevelopmentMode.WELL_KNOWN_FLEET_KEY.equals(key)) {
					refuseUnlessDevelopment(development, fleetProperty(fleet), key,
							"the well-known development key lets anyone register servers in fleet '" + fleet + "'");
					logger.warn("Fleet '{}' uses the well-known development key ({}=true): anyone can register"
							+ " servers in it.", fleet, DevelopmentMode.PROPERTY);
				}
			});
		}
		return new FleetKeys(fleets);
	}

	private static void refuseUnlessDevelopment(DevelopmentMode development, String property, String value,
			String why) {
		if (!development.enabled()) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					why + "; it is refused unless " + DevelopmentMode.PROPERTY + "=true (development only)");
		}
	}

	/** A fleet's property as its operator would write it (fleet names may contain dots). */
	private static String fleetProperty(String fleet) {
		return fleet.contains(".") ? FLEETS + "[" + fleet + "]" : FLEETS + "." + fleet;
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
			ServerlistProperties properties, MeterRegistry registry, BackfillStore backfills) {
		ServerHealth health = new ServerHealth(redis, scripts, counts, properties.sweep().batch(), registry,
				backfills);
		return new Sweeper("Server health sweep", properties.sweep().interval(), health::sweepOnce);
	}

}
