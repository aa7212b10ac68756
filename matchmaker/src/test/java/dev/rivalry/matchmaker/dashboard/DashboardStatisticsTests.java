package dev.rivalry.matchmaker.dashboard;

import java.time.Duration;
import java.time.Instant;

import dev.rivalry.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link MatchStatistics}: matches counted once whatever their tickets, averaged over the
 * last whole seconds, and time-to-match percentiles that forget what is older than their
 * window.
 */
class DashboardStatisticsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));

	private final MatchStatistics statistics = new MatchStatistics(this.clock);

	@ParameterizedTest(name = "tickets of {0} players in a match of {1} count as one match")
	@CsvSource({ "1, 2", "1, 10", "5, 10", "3, 6" })
	void aMatchIsCountedOnceWhateverItsTickets(int playersPerTicket, int participants) {
		for (int ticket = 0; ticket < participants / playersPerTicket; ticket++) {
			this.statistics.record((double) playersPerTicket / participants, Duration.ofSeconds(1));
		}
		assertThat(this.statistics.figures().total()).isEqualTo(1);
	}

	@Test
	void matchesPerSecondAverageTheLastTenWholeSeconds() {
		for (int second = 0; second < 10; second++) {
			recordMatches(3);
			this.clock.advance(Duration.ofSeconds(1));
		}
		recordMatches(50);

		MatchFigures figures = this.statistics.figures();
		assertThat(figures.perSecond()).as("the current second is not complete yet").isCloseTo(3.0, within(1e-9));
		assertThat(figures.total()).isEqualTo(80);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.statistics.figures().perSecond()).isZero();
	}

	@Test
	void timeToMatchPercentilesCoverTheLastMinuteOnly() {
		for (int wait = 1; wait <= 100; wait++) {
			this.statistics.record(0.5, Duration.ofMillis(wait * 100L));
		}
		MatchFigures.TimeToMatch figures = this.statistics.figures().timeToMatch();
		assertThat(figures.count()).isEqualTo(100);
		assertThat(figures.p50()).isCloseTo(5000, within(100L));
		assertThat(figures.p90()).isCloseTo(9000, within(100L));
		assertThat(figures.max()).isCloseTo(10000, within(100L));

		this.clock.advance(Duration.ofSeconds(MatchStatistics.WAIT_SECONDS));
		this.statistics.record(0.5, Duration.ofMillis(250));
		MatchFigures.TimeToMatch later = this.statistics.figures().timeToMatch();
		assertThat(later.count()).isEqualTo(1);
		assertThat(later.p99()).isCloseTo(250, within(5L));
	}

	@Test
	void aWaitBelowZeroFromSkewedClocksCountsAsZero() {
		this.statistics.record(1, Duration.ofMillis(-40));
		assertThat(this.statistics.figures().timeToMatch().max()).isZero();
	}

	private void recordMatches(int matches) {
		for (int i = 0; i < matches * 2; i++) {
			this.statistics.record(0.5, Duration.ofMillis(100));
		}
	}

}
