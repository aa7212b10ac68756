package dev.rivalry.bench.load;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.netty.http.client.PrematureCloseException;

/**
 * Names a failed call for the report's errors-by-kind table: the HTTP status and the
 * problem's slug ({@code 503:ticket-stream-unavailable}), or what went wrong on the wire
 * ({@code timeout}, {@code connect}, {@code closed}).
 */
final class Failures {

	private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([a-z0-9-]+)\"");

	private Failures() {
	}

	static String kind(Http.Response response) {
		Matcher type = PROBLEM_TYPE.matcher(response.body());
		return response.status() + (type.find() ? ":" + type.group(1) : "");
	}

	static String kind(Throwable failure) {
		if (failure instanceof Http.Refused refused) {
			return kind(new Http.Response(refused.status(), refused.body(), null));
		}
		if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
				|| failure.getClass().getSimpleName().contains("Timeout")) {
			return "timeout";
		}
		if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
			return "connect";
		}
		if (failure instanceof PrematureCloseException) {
			return "closed";
		}
		return failure.getClass().getSimpleName();
	}

	/** A failure already counted: it only stops the chain. */
	static final class Counted extends RuntimeException {

		Counted() {
			super(null, null, false, false);
		}

	}

}
