package dev.rivalry.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the stores' Lua scripts: each is its shared libraries' text followed by its own,
 * so functions such as {@code render_ticket} are written once (Redis scripts cannot include).
 */
public final class LuaScripts {

	private static final String BASE = "dev/rivalry/tickets/";

	private LuaScripts() {
	}

	/**
	 * @param resultType what the script returns
	 * @param parts resource names under {@code dev/rivalry/tickets/}, without {@code .lua},
	 * libraries first and the script last, e.g. {@code lib, backfill/lib, backfill/fill}
	 * @return the script
	 */
	public static <T> RedisScript<T> load(Class<T> resultType, String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			text.append(read(part)).append('\n');
		}
		return RedisScript.of(text.toString(), resultType);
	}

	private static String read(String name) {
		try (InputStream in = new ClassPathResource(BASE + name + ".lua").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Lua script '" + name + "'", ex);
		}
	}

}
