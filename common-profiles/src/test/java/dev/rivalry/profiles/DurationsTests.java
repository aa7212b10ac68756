package dev.rivalry.profiles;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "250ns, PT0.00000025S", "500us, PT0.0005S", "100ms, PT0.1S", "10s, PT10S", "5m, PT5M", "1h, PT1H",
			"2d, PT48H", "10S, PT10S", "PT10S, PT10S", "pt1m30s, PT1M30S", "PT0.5S, PT0.5S", "-PT1S, PT-1S" })
	void readsSpringAndIsoDurations(String text, Duration expected) {
		assertThat(Durations.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "10", "10 s", "1.5s", "10sec", "1m30s", "s", "P", "99999999999999999999d" })
	void refusesAnythingElse(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "PT0S, 0s", "PT0.1S, 100ms", "PT10S, 10s", "PT90S, 90s", "PT5M, 5m", "PT2H, 2h", "PT48H, 2d",
			"PT0.0000001S, PT0.0000001S" })
	void formatsInTheLargestExactUnit(Duration duration, String expected) {
		assertThat(Durations.format(duration)).isEqualTo(expected);
	}

}
