package dev.rivalry.profiles.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.rivalry.profiles.InvalidProfilesException;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class ProfilesAutoConfigurationTests {

	private static final String HERE = "classpath:dev/rivalry/profiles/autoconfigure/";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProfilesAutoConfiguration.class));

	@Test
	void isRegisteredAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(ProfilesAutoConfiguration.class.getName());
	}

	@Test
	void readsProfilesYmlFromTheClasspathByDefault() {
		this.runner.run((context) -> assertThat(context).getBean(MatchProfiles.class)
			.satisfies((profiles) -> assertThat(profiles.all()).extracting(Profile::name)
				.containsExactly("duel", "squad", "casual", "lobby")));
	}

	@Test
	void readsTheFileAtTheConfiguredLocation() {
		this.runner.withPropertyValues("rivalry.profiles.location=" + HERE + "other-profiles.yml")
			.run((context) -> assertThat(context.getBean(MatchProfiles.class).all()).extracting(Profile::name)
				.containsExactly("solo"));
	}

	@Test
	void invalidFileStopsTheStartNamingFileLineProfileAndField() {
		this.runner.withPropertyValues("rivalry.profiles.location=" + HERE + "invalid-profiles.yml")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidProfilesException.class)
				.hasMessage(HERE + "invalid-profiles.yml:4:30: profile 'duel': teams.size must be >= 1"));
	}

	@Test
	void missingFileStopsTheStartNamingTheLocationProperty() {
		this.runner.withPropertyValues("rivalry.profiles.location=classpath:nowhere.yml")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("rivalry.profiles.location")
				.hasMessageContaining("classpath:nowhere.yml")
				.hasMessageContaining("does not exist"));
	}

	@Test
	void blankLocationStopsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("rivalry.profiles.location= ")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("rivalry.profiles.location")
				.hasStackTraceContaining("must not be blank"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnProfiles() {
		this.runner.withUserConfiguration(OwnProfiles.class)
			.withPropertyValues("rivalry.profiles.location=classpath:nowhere.yml")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(MatchProfiles.class)
				.isSameAs(context.getBean(OwnProfiles.class).profiles));
	}

	@Test
	void failureAnalysisListsEveryProblem() {
		InvalidProfilesException failure = new InvalidProfilesException(List.of(
				new InvalidProfilesException.Problem("p.yml", 3, 7, "duel", "teams.size", "must be >= 1"),
				new InvalidProfilesException.Problem("p.yml", 9, 1, "#2", "name", "is required")));
		FailureAnalysis analysis = new InvalidProfilesFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).contains("2 problems", "p.yml:3:7: profile 'duel': teams.size must be >= 1",
				"p.yml:9:1: profile #2: name is required");
		assertThat(analysis.getAction()).contains("rivalry.profiles.location");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void applicationThatFailsToStartReportsTheProblems(CapturedOutput output) {
		SpringApplication application = new SpringApplication(WithProfiles.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(
				() -> application.run("--rivalry.profiles.location=" + HERE + "invalid-profiles.yml").close());
		assertThat(output).contains("The match profile file is invalid (1 problem)",
				"invalid-profiles.yml:4:30: profile 'duel': teams.size must be >= 1");
	}

	@Configuration(proxyBeanMethods = false)
	@Import(ProfilesAutoConfiguration.class)
	static class WithProfiles {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProfiles {

		final MatchProfiles profiles = ProfilesLoader.parse("own",
				"profiles: [{ name: own, teams: { count: 2, size: 1 } }]");

		@Bean
		MatchProfiles ownProfiles() {
			return this.profiles;
		}

	}

}
