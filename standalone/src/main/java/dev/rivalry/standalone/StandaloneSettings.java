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
 * @param matchmakerPort the matchmaker's HTTP port
 * @param serverlistPort the serverlist's HTTP port
 * @param enginePort the match engine's HTTP port
 * @param identityPort the development identity provider's HTTP port; never 0, because the
 * tokens' issuer ({@code http://localhost:<port>}) must be known before it starts
 * @param fleetKey the key simulated and real game servers register with
 * @param demo whether bots and simulated game servers play
 */
public record StandaloneSettings(@DefaultValue("19092") @Min(1) @Max(65535) int kafkaPort,
		@DefaultValue("16379") @Min(1) @Max(65535) int redisPort, @DefaultValue("8080") @Min(0) @Max(65535) int matchmakerPort,
		@DefaultValue("8081") @Min(0) @Max(65535) int serverlistPort, @DefaultValue("8082") @Min(0) @Max(65535) int enginePort,
		@DefaultValue("8083") @Min(1) @Max(65535) int identityPort,
		@DefaultValue("dev-fleet-key") @NotBlank String fleetKey, @DefaultValue("true") boolean demo) {

	/** The prefix of every setting. */
	public static final String PREFIX = "rivalry.standalone";

}
