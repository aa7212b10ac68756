package dev.rivalry.web.development;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DevelopmentModeTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DevelopmentModeAutoConfiguration.class));

	@Test
	void isOffUnlessSwitchedOnExplicitly(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context.getBean(DevelopmentMode.class).enabled()).isFalse());
		assertThat(output).doesNotContain("DEVELOPMENT MODE");
	}

	@Test
	void whenOnEveryServiceSaysSoLoudly(CapturedOutput output) {
		this.runner.withPropertyValues(DevelopmentMode.PROPERTY + "=true", "spring.application.name=serverlist")
			.run((context) -> assertThat(context.getBean(DevelopmentMode.class).enabled()).isTrue());
		assertThat(output).contains("DEVELOPMENT MODE is on (rivalry.development.enabled=true) in serverlist");
	}

}
