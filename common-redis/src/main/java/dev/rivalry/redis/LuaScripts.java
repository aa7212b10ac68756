package dev.rivalry.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads every service's Lua scripts from the class path, once, when the script is made:
 * each is its shared libraries' text followed by its own, so helpers such as
 * {@code render_ticket} are written once (Redis scripts cannot include). The text is read
 * here, up front, and never at the first run: a script made from a resource would read its
 * file on the event loop that first runs it (BlockHound caught that). The SHA-1 is computed
 * here once too (see {@code Loaded}).
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	/**
	 * @param resultType what the script returns
	 * @param base the folder of the scripts on the class path, e.g. {@code dev/rivalry/tickets/}
	 * @param parts names under {@code base}, without {@code .lua}, libraries first and the
	 * script last, e.g. {@code lib, backfill/lib, backfill/fill}
	 * @return the script
	 * @throws UncheckedIOException when a part is missing
	 */
	public static <T> RedisScript<T> load(Class<T> resultType, String base, String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			text.append(read(base + part + ".lua")).append('\n');
		}
		return of(text.toString(), resultType);
	}

	/**
	 * @param text the script
	 * @param resultType what it returns
	 * @return the script, its SHA-1 computed now
	 */
	public static <T> RedisScript<T> of(String text, Class<T> resultType) {
		return new Loaded<>(text, sha1(text), resultType);
	}

	private static String sha1(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-1", ex);
		}
	}

	/**
	 * A script whose text and SHA-1 never change. Spring's {@code DefaultRedisScript} takes a
	 * lock on every run to read its SHA-1 (its source might have changed), and threads
	 * running a hot script queued on that lock on the event loops (BlockHound caught it).
	 */
	private record Loaded<T>(String text, String sha1, Class<T> resultType) implements RedisScript<T> {

		@Override
		public String getSha1() {
			return this.sha1;
		}

		@Override
		public Class<T> getResultType() {
			return this.resultType;
		}

		@Override
		public String getScriptAsString() {
			return this.text;
		}

	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Lua script '" + resource + "'", ex);
		}
	}

}
