package dev.rivalry.serverlist.server;

import java.util.Map;

import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The ways a server's request is refused, each with its own problem type slug.
 */
public final class ServerProblems {

	private ServerProblems() {
	}

	static final class InvalidFleetKey extends ProblemException {

		InvalidFleetKey() {
			super(HttpStatus.UNAUTHORIZED, "invalid-fleet-key",
					"Registering needs 'Authorization: Bearer <fleet key>' with a configured fleet's key.");
			getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"serverlist\"");
		}

	}

	static final class InvalidCredential extends ProblemException {

		/** Says that, never why: the reason goes to the log and the token metrics, not to a caller probing credentials. */
		InvalidCredential() {
			super(HttpStatus.UNAUTHORIZED, "invalid-credential", "The server credential was refused; send "
					+ "'Authorization: Bearer <token from the registration>', or register again.");
			getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"serverlist\", error=\"invalid_token\"");
		}

	}

	static final class NotThisServer extends ProblemException {

		NotThisServer(String serverId) {
			super(HttpStatus.FORBIDDEN, "credential-not-for-this-server",
					"The credential belongs to another server than '" + serverId + "'.");
		}

	}

	/** No such server: never registered, deregistered, or removed after staying silent. */
	public static final class NotFound extends ProblemException {

		public NotFound(String serverId) {
			super(HttpStatus.NOT_FOUND, "server-not-found", "No server '" + serverId + "'; register again.");
		}

	}

	/** A server asked for a change its state's transitions do not allow. */
	public static final class IllegalTransition extends ProblemException {

		public IllegalTransition(String serverId, ServerState from, ServerState to) {
			super(HttpStatus.CONFLICT, "illegal-transition",
					"Server '" + serverId + "' is " + from + " and cannot become " + to + "; from " + from
							+ " it may become " + from.successors() + ".",
					Map.of("serverId", serverId, "from", from.name(), "to", to.name()));
		}

	}

}
