package dev.rivalry.tokens;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Argument checks shared by the claim records. Messages name the argument, never its
 * value, so they are safe to log and to put in a rejection detail.
 */
final class Preconditions {

	private Preconditions() {
	}

	static String text(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	/** Blank means absent: the ADR gives a missing or empty {@code game} one meaning. */
	static String optionalText(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	static List<Participant> participants(List<Participant> participants, String subject) {
		Objects.requireNonNull(participants, "participants must not be null");
		List<Participant> copy = List.copyOf(participants);
		if (copy.isEmpty()) {
			throw new IllegalArgumentException("participants must not be empty");
		}
		Set<String> ids = new HashSet<>();
		for (Participant participant : copy) {
			if (!ids.add(participant.id())) {
				throw new IllegalArgumentException("participants must not repeat an id");
			}
		}
		if (subject != null && !ids.contains(subject)) {
			throw new IllegalArgumentException("playerId must be one of the participants");
		}
		return copy;
	}

	/** A {@code host:port} address, the port in 1..65535; IPv6 hosts in brackets. */
	static String connection(String conn) {
		text(conn, "conn");
		int colon = conn.lastIndexOf(':');
		if (colon < 1 || colon == conn.length() - 1) {
			throw new IllegalArgumentException("conn must be host:port");
		}
		String port = conn.substring(colon + 1);
		if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)
				|| Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
			throw new IllegalArgumentException("conn must end in a port between 1 and 65535");
		}
		return conn;
	}

}
