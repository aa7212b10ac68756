package dev.rivalry.serverlist.system;

/**
 * The serverlist's Redis key and channel layout. Every key starts with the configured
 * prefix and carries the hash tag {@code {sl}}: they all live in one Redis Cluster slot,
 * so the scripts may touch any of them atomically (a server's index keys depend on its
 * game and region, which only the script reads). The data is small: a few hundred bytes
 * per server and per recent match.
 *
 * @param base the prefix and the hash tag, e.g. {@code rivalry:{sl}:}
 */
public record ServerlistKeys(String base) {

	/**
	 * @param prefix the configured key prefix, e.g. {@code rivalry:}
	 * @return the layout under that prefix
	 */
	public static ServerlistKeys withPrefix(String prefix) {
		return new ServerlistKeys(((prefix != null) ? prefix : "") + "{sl}:");
	}

	/** Hash of one server: registration, state, version, heartbeat, current match. */
	public String server(String serverId) {
		return this.base + "server:" + serverId;
	}

	/** Set of every registered server's id. */
	public String servers() {
		return this.base + "servers";
	}

	/** Set of the ids of the servers in one state. */
	public String state(String state) {
		return this.base + "state:" + state;
	}

	/** Hash of the {@code READY} servers of one game and region: id to candidate card. */
	public String ready(String game, String region) {
		return this.base + "ready:" + game + ":" + region;
	}

	/** Set of the regions servers of one game ever registered in. */
	public String regions(String game) {
		return this.base + "regions:" + game;
	}

	/** Sorted set of healthy servers by health deadline (epoch ms). */
	public String heartbeats() {
		return this.base + "heartbeats";
	}

	/** Sorted set of unhealthy servers by removal time (epoch ms). */
	public String silent() {
		return this.base + "silent";
	}

	/** Hash of one match's allocation: state, server, connection, deadline, match data. */
	public String allocation(String matchId) {
		return this.base + "allocation:" + matchId;
	}

	/** Sorted set of pending allocations by start deadline (epoch ms), members are match ids. */
	public String deadlines() {
		return this.base + "deadlines";
	}

	/** The pub/sub channel of one server's events. */
	public String events(String serverId) {
		return eventsPrefix() + serverId;
	}

	/** The common prefix of every server's events channel. */
	public String eventsPrefix() {
		return this.base + "events:";
	}

}
