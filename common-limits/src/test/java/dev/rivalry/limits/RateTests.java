package dev.rivalry.limits;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateTests {

	@ParameterizedTest
	@CsvSource({ "20/1m, 20, PT1M, PT3S", "1000/1s, 1000, PT1S, PT0.001S", "3/PT30S, 3, PT30S, PT10S",
			"' 5 / 500ms ', 5, PT0.5S, PT0.1S" })
	void aRateIsReadAsCapacityPerPeriod(String text, long capacity, Duration period, Duration refill) {
		Rate rate = Rate.valueOf(text);
		assertThat(rate.capacity()).isEqualTo(capacity);
		assertThat(rate.period()).isEqualTo(period);
		assertThat(rate.refillTime()).isEqualTo(refill);
	}

	@ParameterizedTest
	@ValueSource(strings = { "20", "/1m", "20/", "0/1m", "-1/1m", "x/1m", "20/0s", "20/soon", "20/1m/2" })
	void anythingElseIsRefusedWithTheExpectedForm(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Rate.valueOf(text));
	}

	@ParameterizedTest
	@CsvSource({ "20/1m, 20/1m", "1000/1s, 1000/1s", "7/90s, 7/90s", "3/PT2H, 3/2h", "5/500ms, 5/500ms",
			"2/1500ms, 2/1500ms", "1/1d, 1/1d", "4/120s, 4/2m" })
	void aRateIsWrittenInTheLargestExactUnit(String text, String written) {
		assertThat(Rate.valueOf(text)).hasToString(written);
		assertThat(Rate.valueOf(written)).isEqualTo(Rate.valueOf(text));
	}

}
