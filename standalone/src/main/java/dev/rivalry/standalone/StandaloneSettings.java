package dev.rivalry.standalone;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code java -jar rivalry-standalone.jar} accepts, as {@code --name=value}
 * arguments, environment variables or system properties (prefix {@code rivalry.standalone}).
 *
 * @param kafkaPort the in-process Kafka broker's client port
 * @param redisPort the embedded Redis port
 * @param matchmakerPort the matchmaker's HTTP port; its management port (the dashboard, the
 * actuator) is this one + 1000, as for every service
 * @param serverlistPort the serverlist's HTTP port
 * @param enginePort the match engine's HTTP port
 * @param identityPort the development identity provider's HTTP port; never 0, because the
 * tokens' issuer ({@code http://localhost:<port>}) must be known before it starts
 * @param fleetKey the key simulated and real game servers register with
 * @param demo whether bots and simulated game servers play
 */
public record StandaloneSettings(@DefaultValue("19092") @Min(1) @Max(65535) int kafkaPort,
		@DefaultValue("16379") @Min(1) @Max(65535) int redisPort,
		@DefaultValue("8080") @Min(0) @Max(value = MAX_SERVICE_PORT, message = MANAGEMENT) int matchmakerPort,
		@DefaultValue("8081") @Min(0) @Max(value = MAX_SERVICE_PORT, message = MANAGEMENT) int serverlistPort,
		@DefaultValue("8082") @Min(0) @Max(value = MAX_SERVICE_PORT, message = MANAGEMENT) int enginePort,
		@DefaultValue("8083") @Min(1) @Max(value = MAX_SERVICE_PORT, message = MANAGEMENT) int identityPort,
		@DefaultValue("dev-fleet-key") @NotBlank String fleetKey, @DefaultValue("true") boolean demo) {

	/** The prefix of every setting. */
	public static final String PREFIX = "rivalry.standalone";

	/** How far above its port a service's management port is (docs/operations.md). */
	static final int MANAGEMENT_OFFSET = 1000;

	static final int MAX_SERVICE_PORT = 65535 - MANAGEMENT_OFFSET;

	private static final String MANAGEMENT = "must be at most {value}, so that its management port (+1000) is a port too";

	/**
	 * @param port a service's port
	 * @return its management port: {@code port + 1000}, or a free one (0) when the service's
	 * own port is a free one
	 */
	static int managementPortOf(int port) {
		return (port == 0) ? 0 : port + MANAGEMENT_OFFSET;
	}

}
