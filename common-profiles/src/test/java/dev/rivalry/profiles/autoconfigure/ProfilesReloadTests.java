package dev.rivalry.profiles.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ReloadableProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A profile file on the file system is applied again when it changes, and refused when broken. */
@ExtendWith(OutputCaptureExtension.class)
class ProfilesReloadTests {

	private static final String DUEL = """
			profiles:
			  - name: duel
			    filter: { term: { mode: duel } }
			    teams: { count: 2, size: 1 }
			""";

	private static final String DUEL_AND_SQUAD = DUEL + """
			  - name: squad
			    teams: { count: 2, size: 5 }
			""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProfilesAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void aValidNewVersionIsAppliedAndABrokenOneRefusedWhileTheOldStays(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Path file = Files.writeString(directory.resolve("profiles.yml"), DUEL);
		this.runner.withPropertyValues("rivalry.profiles.location=file:" + file, "rivalry.profiles.reload-interval=50ms")
			.run((context) -> {
				MatchProfiles profiles = context.getBean(MatchProfiles.class);
				assertThat(profiles).isInstanceOf(ReloadableProfiles.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);

				Files.writeString(file, DUEL_AND_SQUAD);
				await().atMost(Duration.ofSeconds(5)).until(() -> profiles.byName("squad").isPresent());
				assertThat(profiles.all()).extracting(Profile::name).containsExactly("duel", "squad");
				assertThat(meters.get("rivalry.profiles.reload").tag("outcome", "applied").counter().count()).isOne();

				Files.writeString(file, DUEL_AND_SQUAD.replace("size: 5", "size: 0"));
				await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("rivalry.profiles.reload")
					.tag("outcome", "refused").counter() != null);
				assertThat(output).contains("profile 'squad': teams.size must be >= 1");
				assertThat(profiles.byName("squad").orElseThrow().teams().size()).isEqualTo(5);

				Files.writeString(file, DUEL_AND_SQUAD.replace("size: 5", "size: 3"));
				await().atMost(Duration.ofSeconds(5)).until(() -> profiles.byName("squad").orElseThrow().teams().size() == 3);
				assertThat(meters.get("rivalry.profiles.reload").tag("outcome", "refused").counter().count()).isOne();
			});
	}

	@Test
	void aFileInsideTheClassPathIsNotWatched() {
		this.runner.run((context) -> assertThat(context.getBean(ProfilesReloader.class).watches())
			.as("classpath:profiles.yml of a jar cannot change").isEqualTo(
					context.getResource("classpath:profiles.yml").isFile()));
	}

	@Test
	void aZeroIntervalSwitchesReloadsOff(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("profiles.yml"), DUEL);
		this.runner.withPropertyValues("rivalry.profiles.location=file:" + file, "rivalry.profiles.reload-interval=0")
			.run((context) -> assertThat(context.getBean(ProfilesReloader.class).watches()).isFalse());
	}

}
