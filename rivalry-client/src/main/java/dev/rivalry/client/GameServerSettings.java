package dev.rivalry.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link GameServer} registers as, and how often it heartbeats.
 *
 * @param fleetKey the key of the fleet to register in (its operator gives it)
 * @param address where players connect, {@code host:port}
 * @param region where the server runs
 * @param game the game it runs, or {@code null} for the serverlist's default game
 * @param labels what else it offers, matched against a match's {@code config.labels}
 * @param heartbeatPeriod how often to heartbeat: the serverlist's {@code heartbeat.period}
 */
public record GameServerSettings(String fleetKey, String address, String region, String game,
		Map<String, String> labels, Duration heartbeatPeriod) {

	public GameServerSettings {
		Objects.requireNonNull(fleetKey, "fleetKey");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(region, "region");
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		Objects.requireNonNull(heartbeatPeriod, "heartbeatPeriod");
	}

	/**
	 * @param fleetKey the fleet key
	 * @param address where players connect
	 * @param region where the server runs
	 * @return settings with no game, no labels and the default 5 s heartbeat
	 */
	public static GameServerSettings of(String fleetKey, String address, String region) {
		return new GameServerSettings(fleetKey, address, region, null, Map.of(), Duration.ofSeconds(5));
	}

	/** @return these settings for another game */
	public GameServerSettings withGame(String game) {
		return new GameServerSettings(this.fleetKey, this.address, this.region, game, this.labels, this.heartbeatPeriod);
	}

	/** @return these settings with other labels */
	public GameServerSettings withLabels(Map<String, String> labels) {
		return new GameServerSettings(this.fleetKey, this.address, this.region, this.game, labels, this.heartbeatPeriod);
	}

	/** @return these settings with another heartbeat period */
	public GameServerSettings withHeartbeatPeriod(Duration period) {
		return new GameServerSettings(this.fleetKey, this.address, this.region, this.game, this.labels, period);
	}

}
