package dev.rivalry.engine.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.rivalry.profiles.InvalidProfilesException;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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

	static final String PROFILES = "rivalry.engine.profiles";

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
			String topics = String.join(",", consumed(environment, profiles));
			environment.getPropertySources().addLast(new MapPropertySource("rivalryTicketTopics", Map.of(DESTINATION, topics)));
		}
		catch (IOException | InvalidProfilesException ex) {
			// Reported, with its location, by the profiles' auto-configuration.
		}
	}

	/**
	 * The topics of {@code rivalry.engine.profiles} when it names some (an engine of one
	 * profile, as the operator starts them), else of every profile of the file. A named
	 * profile is the engine's even before the file has it: the start then stops, naming it
	 * (dev.rivalry.engine.reload), rather than consume a topic without its profile.
	 */
	private static List<String> consumed(ConfigurableEnvironment environment, MatchProfiles profiles) {
		List<String> named = Binder.get(environment).bind(PROFILES, Bindable.listOf(String.class)).orElse(List.of());
		if (!named.isEmpty()) {
			return named.stream().map((name) -> Profile.TICKET_TOPIC_PREFIX + name).toList();
		}
		return profiles.all().stream().map(Profile::ticketTopic).toList();
	}

}
