package dev.rivalry.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads every service's Lua scripts from the class path, once, when the script is made:
 * each is its shared libraries' text followed by its own, so helpers such as
 * {@code render_ticket} are written once (Redis scripts cannot include). The text is read
 * here, up front, and never at the first run: a script made from a resource would read its
 * file on the event loop that first runs it (BlockHound caught that).
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
		return RedisScript.of(text.toString(), resultType);
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
