package dev.rivalry.redis;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Which probes that come back reveal a gap: the rule alone, without Redis. */
class SubscriptionProbeTests {

	private final SubscriptionProbe probe = new SubscriptionProbe(null, "p:", Duration.ofSeconds(1), Flux.never());

	@Test
	void probesBackInTurnAreNoGapHoweverLateTheyCome() {
		StepVerifier.create(this.probe.gaps())
			.then(() -> back("1", "2", "3"))
			.expectNoEvent(Duration.ofMillis(100))
			.thenCancel()
			.verify();
	}

	@Test
	void aProbeBackAfterOneThatNeverCameIsAGapJustClosed() {
		StepVerifier.create(this.probe.gaps())
			.then(() -> back("1", "3"))
			.expectNext(1L)
			.then(() -> back("3", "4", "not a number", "2"))
			.expectNoEvent(Duration.ofMillis(100))
			.thenCancel()
			.verify();
	}

	@Test
	void anotherInstancesProbesAreIgnored() {
		StepVerifier.create(this.probe.gaps())
			.then(() -> this.probe.received("p:~probe:someone-else", "5"))
			.expectNoEvent(Duration.ofMillis(100))
			.thenCancel()
			.verify();
	}

	private void back(String... numbers) {
		for (String number : numbers) {
			this.probe.received(this.probe.channel(), number);
		}
	}

}
