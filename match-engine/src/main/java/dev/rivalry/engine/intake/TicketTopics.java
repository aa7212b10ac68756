package dev.rivalry.engine.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rivalry.profiles.InvalidProfilesException;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Points the ticket binding at the topic of every profile in the profile file, so the
 * engine subscribes to exactly those topics (created with the binder's partition count if
 * missing) and sees a new profile's tickets from its first record. An explicit
 * {@code spring.cloud.stream.bindings.tickets-in-0.destination} wins. A missing or invalid
 * file is left to the profiles' own auto-configuration, which fails the start with a
 * message that names the line.
 */
class TicketTopics implements EnvironmentPostProcessor {

	static final String DESTINATION = "spring.cloud.stream.bindings.tickets-in-0.destination";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// Only the engine binds tickets; another service in the same JVM is left alone.
		if (environment.containsProperty(DESTINATION)
				|| !"tickets".equals(environment.getProperty("spring.cloud.function.definition"))) {
			return;
		}
		String location = environment.getProperty("rivalry.profiles.location", "classpath:profiles.yml");
		Resource resource = new DefaultResourceLoader().getResource(location);
		try (InputStream in = resource.getInputStream()) {
			MatchProfiles profiles = ProfilesLoader.parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			String topics = profiles.all().stream().map(Profile::ticketTopic).collect(Collectors.joining(","));
			environment.getPropertySources().addLast(new MapPropertySource("rivalryTicketTopics", Map.of(DESTINATION, topics)));
		}
		catch (IOException | InvalidProfilesException ex) {
			// Reported, with its location, by the profiles' auto-configuration.
		}
	}

}
