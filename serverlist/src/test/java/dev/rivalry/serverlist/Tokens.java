package dev.rivalry.serverlist;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the parts of a compact JWS without verifying it: for assertions only.
 */
public final class Tokens {

	private static final JsonMapper JSON = new JsonMapper();

	private Tokens() {
	}

	public static Map<?, ?> header(String token) {
		return part(token, 0);
	}

	public static Map<?, ?> payload(String token) {
		return part(token, 1);
	}

	public static String audience(String token) {
		Object aud = payload(token).get("aud");
		return (aud instanceof List<?> list) ? (String) list.get(0) : (String) aud;
	}

	private static Map<?, ?> part(String token, int index) {
		return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[index]), Map.class);
	}

}
