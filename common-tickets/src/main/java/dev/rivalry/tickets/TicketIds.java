package dev.rivalry.tickets;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Ids of tickets and matches that carry their pool's Redis hash tag. Every ticket of a pool shares the tag,
 * so the engine's one-script match over several tickets stays in one Redis Cluster slot,
 * and a reader that knows only the id still finds the key in one round trip.
 * <p>
 * Format: {@code <8 hex tag>-<26 base32 random>}. Thread safe.
 */
public final class TicketIds {

	private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-z]{26}");

	private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private TicketIds() {
	}

	/**
	 * A new random id for a ticket (or a match) of the given pool.
	 * @param profile the profile name
	 * @param pool the pool key value
	 * @return a fresh id, 130 random bits after the tag
	 */
	public static String newId(String profile, String pool) {
		return withTag(tagOf(profile, pool));
	}

	/**
	 * A new random id that shares another id's hash tag (a backfill's, its match's).
	 * @param relatedId a well-formed ticket or match id
	 * @return a fresh id in the same Redis Cluster slot
	 */
	public static String newIdBeside(String relatedId) {
		return withTag(tagOf(relatedId).orElseThrow(() -> new IllegalArgumentException("Malformed id")));
	}

	private static String withTag(String tag) {
		byte[] bytes = new byte[17];
		random.nextBytes(bytes);
		StringBuilder id = new StringBuilder(35).append(tag).append('-');
		long acc = 0;
		int bits = 0;
		for (byte b : bytes) {
			acc = (acc << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5 && id.length() < 35) {
				bits -= 5;
				id.append(BASE32[(int) ((acc >> bits) & 31)]);
			}
		}
		return id.toString();
	}

	/**
	 * The hash tag shared by every ticket of a pool.
	 * @param profile the profile name
	 * @param pool the pool key value
	 * @return eight lowercase hex characters
	 */
	public static String tagOf(String profile, String pool) {
		CRC32C crc = new CRC32C();
		crc.update((profile + '\u0000' + pool).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().toHexDigits((int) crc.getValue());
	}

	/**
	 * The hash tag of a ticket id, if the id is well formed.
	 * @param ticketId an id as a client sent it
	 * @return the tag, or empty when the id cannot be one of ours
	 */
	public static Optional<String> tagOf(String ticketId) {
		if (ticketId == null || !FORMAT.matcher(ticketId).matches()) {
			return Optional.empty();
		}
		return Optional.of(ticketId.substring(0, 8));
	}

	public static boolean isWellFormed(String ticketId) {
		return tagOf(ticketId).isPresent();
	}

}
