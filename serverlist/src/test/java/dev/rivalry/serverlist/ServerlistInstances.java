package dev.rivalry.serverlist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.rivalry.testsupport.TestRedis;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts serverlist instances as separate application contexts in this JVM, the way separate
 * processes (or one process restarted) would run against one Redis.
 */
public final class ServerlistInstances {

	private ServerlistInstances() {
	}

	/**
	 * @param properties settings beyond the shared Redis and the fake matchmaker, as
	 * command-line arguments (they outrank serverlist.yml as deployment settings would)
	 * @return the running instance
	 */
	public static ConfigurableApplicationContext start(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(TestRedis.get().springProperties());
		all.put("rivalry.tokens.remote.sources.matchmaker", FakeMatchmaker.get().jwksUrl());
		all.put("server.port", 0);
		all.putAll(properties);
		String[] args = all.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return ServerlistApplication.builder().profiles("test").run(args);
	}

	public static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Writes a private JWK set, so that instances share signing keys as a deployment would. */
	public static Path writeSigningKeys(Path directory) {
		try {
			Path file = directory.resolve("serverlist-keys.json");
			JWKSet keys = new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("serverlist-test-1").generate());
			Files.writeString(file, keys.toString(false));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
