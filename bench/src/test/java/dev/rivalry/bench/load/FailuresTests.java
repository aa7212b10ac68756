package dev.rivalry.bench.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import dev.rivalry.client.ProblemException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Exceptions;
import reactor.netty.http.client.PrematureCloseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FailuresTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			503 | https://rivalry.dev/problems/no-capacity    | 503:no-capacity
			409 | https://rivalry.dev/problems/ticket-closed  | 409:ticket-closed
			404 | about:blank                                 | 404
			""")
	void aProblemIsNamedByStatusAndSlug(int status, String type, String kind) {
		// The problem's slug tells a refusal by design (no capacity) from a fault: both are a 503.
		ProblemException problem = new ProblemException(URI.create(type), "title", status, null, null, Map.of(), null);

		assertThat(Failures.kind(problem)).isEqualTo(kind);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void aFailureIsNamedByWhatWentWrongOnTheWire(Throwable failure, String kind) {
		assertThat(Failures.kind(failure)).isEqualTo(kind);
	}

	static Stream<Arguments> failures() {
		return Stream.of(failure(new TimeoutException("Did not observe any item within 31000ms"), "timeout"),
				failure(new IllegalStateException(new TimeoutException()), "timeout"),
				// Netty's own timeouts share no type with the JDK's: they are known by name.
				failure(ReadTimeoutException.INSTANCE, "timeout"),
				failure(new ConnectException("Connection refused"), "connect"),
				failure(new IOException(new ConnectException("Connection refused")), "connect"),
				// What a checked exception looks like after reactor has carried it.
				failure(Exceptions.propagate(new ConnectException("Connection refused")), "connect"),
				failure(PrematureCloseException.TEST_EXCEPTION, "closed"),
				failure(new ProblemException(URI.create("https://rivalry.dev/problems/ticket-stream-unavailable"),
						"Unavailable", 503, null, null, Map.of(), Duration.ofSeconds(1)), "503:ticket-stream-unavailable"),
				failure(new IllegalStateException("unexpected"), "IllegalStateException"));
	}

	private static Arguments failure(Throwable failure, String kind) {
		return arguments(named(failure.getClass().getSimpleName() + describeCause(failure), failure), kind);
	}

	private static String describeCause(Throwable failure) {
		return (failure.getCause() != null) ? " of " + failure.getCause().getClass().getSimpleName() : "";
	}

	@Test
	void countedCarriesNoStackTrace() {
		// Thrown once per failed ticket at full rate: it must cost nothing to make.
		assertThat(new Failures.Counted().getStackTrace()).isEmpty();
	}

}
