package dev.rivalry.engine.reload;

import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.engine.system.EngineProperties;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.ReloadableProfiles;

/** Wiring: reloaded profiles reach the pools; named profiles must be in the file. */
@Configuration(proxyBeanMethods = false)
class ProfileReloadConfiguration {

	@Bean
	PoolReprofiling poolReprofiling(MatchProfiles profiles, PoolRegistry registry, EngineProperties properties) {
		checkNamed(profiles, properties.profiles());
		PoolReprofiling reprofiling = new PoolReprofiling(registry);
		if (profiles instanceof ReloadableProfiles reloadable) {
			reloadable.onChange(reprofiling::apply);
		}
		return reprofiling;
	}

	/**
	 * An engine started for a profile the file lacks would consume its topic without knowing
	 * how to match it: the start stops instead (the operator writes the file before it starts
	 * the engine, so a restart finds it).
	 */
	private static void checkNamed(MatchProfiles profiles, List<String> named) {
		List<String> missing = named.stream().filter((name) -> profiles.byName(name).isEmpty()).toList();
		if (!missing.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("rivalry.engine.profiles", String.join(",", named),
					"The profile file has no profile " + missing + "; it has "
							+ profiles.all().stream().map((profile) -> profile.name()).toList() + ".");
		}
	}

}
