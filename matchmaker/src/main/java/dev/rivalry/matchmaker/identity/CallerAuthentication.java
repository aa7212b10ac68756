package dev.rivalry.matchmaker.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A verified bearer token, reduced to the {@link Caller} it proves. The token itself is not
 * kept: nothing downstream needs it, and what is not kept cannot leak into a log.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	CallerAuthentication(Caller caller) {
		super(List.of());
		this.caller = caller;
		setAuthenticated(true);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return this.caller.toString();
	}

}
