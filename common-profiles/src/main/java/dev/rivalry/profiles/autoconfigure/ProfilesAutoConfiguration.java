package dev.rivalry.profiles.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;
import dev.rivalry.profiles.ReloadableProfiles;

/**
 * A {@link MatchProfiles} bean read from {@code rivalry.profiles.location}, unless the
 * application defines its own. At start-up an invalid file stops the start with
 * {@link dev.rivalry.profiles.InvalidProfilesException}, whose message names the file, line
 * and field; a missing one with a message naming the property. The bean is a
 * {@link ReloadableProfiles}: a file on the file system is looked at every
 * {@code rivalry.profiles.reload-interval} and a valid new version applied without a
 * restart ({@link ProfilesReloader}).
 */
@AutoConfiguration
@EnableConfigurationProperties(ProfilesProperties.class)
public class ProfilesAutoConfiguration {

	static final String LOCATION_PROPERTY = "rivalry.profiles.location";

	private static final Logger logger = LoggerFactory.getLogger(ProfilesAutoConfiguration.class);

	/** The profiles and their reloader, unless the application has profiles of its own. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(MatchProfiles.class)
	static class ReloadableProfilesConfiguration {

		@Bean
		MatchProfiles matchProfiles(ProfilesProperties properties, ResourceLoader resourceLoader) throws IOException {
			String location = properties.location();
			MatchProfiles profiles = ProfilesLoader.parse(location, read(resourceOf(location, resourceLoader)));
			logger.info("Read {} match profile(s) from {}: {}", profiles.all().size(), location,
					profiles.all().stream().map(Profile::name).toList());
			return new ReloadableProfiles(profiles);
		}

		@Bean
		ProfilesReloader profilesReloader(MatchProfiles profiles, ProfilesProperties properties,
				ResourceLoader resourceLoader, ObjectProvider<ReloadOutcomes> outcomes) throws IOException {
			Resource resource = resourceOf(properties.location(), resourceLoader);
			// Only a file can change under a running service (a jar's resource cannot), only the
			// auto-configured bean is reloadable, and a zero interval switches reloads off.
			boolean watch = profiles instanceof ReloadableProfiles && !properties.reloadInterval().isZero()
					&& resource.isFile();
			return new ProfilesReloader(resource, properties.location(), read(resource),
					(profiles instanceof ReloadableProfiles reloadable) ? reloadable : null, watch ? properties.reloadInterval() : null,
					outcomes.getIfAvailable(() -> ReloadOutcomes.NONE));
		}

	}

	static Resource resourceOf(String location, ResourceLoader resourceLoader) {
		Resource resource = resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new InvalidConfigurationPropertyValueException(LOCATION_PROPERTY, location,
					"The match profile file does not exist.");
		}
		return resource;
	}

	static String read(Resource resource) throws IOException {
		try (InputStream input = resource.getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The reload outcomes counted in the service's meter registry, when it has one. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ReloadMetricsConfiguration {

		@Bean
		ReloadOutcomes profilesReloadOutcomes(ObjectProvider<MeterRegistry> registry) {
			return new MeterReloadOutcomes(registry);
		}

	}

}
