package dev.rivalry.profiles.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;

/**
 * A {@link MatchProfiles} bean read from {@code rivalry.profiles.location}, unless the
 * application defines its own. The file is read once, at start-up: an invalid file
 * stops the start with {@link dev.rivalry.profiles.InvalidProfilesException}, whose
 * message names the file, line and field; a missing one with a message naming the
 * property.
 */
@AutoConfiguration
@EnableConfigurationProperties(ProfilesProperties.class)
public class ProfilesAutoConfiguration {

	static final String LOCATION_PROPERTY = "rivalry.profiles.location";

	private static final Logger logger = LoggerFactory.getLogger(ProfilesAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	MatchProfiles matchProfiles(ProfilesProperties properties, ResourceLoader resourceLoader) throws IOException {
		String location = properties.location();
		Resource resource = resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new InvalidConfigurationPropertyValueException(LOCATION_PROPERTY, location,
					"The match profile file does not exist.");
		}
		String yaml;
		try (InputStream input = resource.getInputStream()) {
			yaml = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		MatchProfiles profiles = ProfilesLoader.parse(location, yaml);
		logger.info("Read {} match profile(s) from {}: {}", profiles.all().size(), location,
				profiles.all().stream().map(Profile::name).toList());
		return profiles;
	}

}
