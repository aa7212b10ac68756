package dev.rivalry.web.development;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one explicit development switch ({@code rivalry.development.enabled}), shared by every
 * service so that "development" means one thing everywhere. Off by default. When on, a
 * service may run without an identity provider (the matchmaker then trusts every caller as a
 * game back end) and the serverlist accepts the well-known fleet key {@code dev-fleet-key}.
 * Standalone and docker-compose.yml turn it on; a production deployment never should.
 * Every service that starts with it on says so at {@code WARN} level.
 *
 * @param enabled whether development shortcuts are allowed
 */
@ConfigurationProperties("rivalry.development")
public record DevelopmentMode(@DefaultValue("false") boolean enabled) {

	/** The fleet key every example uses; refused unless development mode is on. */
	public static final String WELL_KNOWN_FLEET_KEY = "dev-fleet-key";

	/** The property that turns development mode on, for messages that name it. */
	public static final String PROPERTY = "rivalry.development.enabled";

}
