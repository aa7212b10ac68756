package dev.rivalry.serverlist.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fleets' registration keys. A presented key is compared with every fleet's key, each
 * in constant time over SHA-256 digests (so neither the content nor the length of a key
 * leaks through timing), and the loop never stops early.
 */
final class FleetKeys {

	private final Map<String, byte[]> digests = new LinkedHashMap<>();

	/**
	 * @param keys each fleet's name and key
	 */
	FleetKeys(Map<String, String> keys) {
		keys.forEach((fleet, key) -> this.digests.put(fleet, digest(key)));
	}

	/**
	 * @param presented the key a registration presented, or {@code null}
	 * @return the fleet it belongs to, or empty when it is no fleet's key
	 */
	Optional<String> fleetOf(String presented) {
		if (presented == null) {
			return Optional.empty();
		}
		byte[] digest = digest(presented);
		String match = null;
		for (Map.Entry<String, byte[]> fleet : this.digests.entrySet()) {
			if (MessageDigest.isEqual(digest, fleet.getValue()) && match == null) {
				match = fleet.getKey();
			}
		}
		return Optional.ofNullable(match);
	}

	/** @return whether a fleet of this name is configured (credentials of removed fleets stop working) */
	boolean exists(String fleet) {
		return this.digests.containsKey(fleet);
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
