package dev.rivalry.matchmaker.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stand-ins for what the dashboard reads: two match engines' {@code GET /v1/pools}, a
 * serverlist's {@code GET /v1/servers}, and a URL where nothing listens. Started once per
 * test JVM, on loopback ports the system picks.
 */
final class FakeServices {

	static final URI ENGINE_A = serve("/v1/pools", """
			[{"profile":"duel","pool":"eu","partition":3,"waiting":4,"oldestWaitMillis":1200,"matchesFormed":10,"backfills":1},
			 {"profile":"squad","pool":"eu","partition":5,"waiting":7,"oldestWaitMillis":800,"matchesFormed":2}]""");

	static final URI ENGINE_B = serve("/v1/pools", """
			[{"profile":"duel","pool":"us","partition":7,"waiting":2,"oldestWaitMillis":300,"matchesFormed":5}]""");

	static final URI SERVERLIST = serve("/v1/servers", """
			{"servers":[
			 {"id":"s1","fleet":"dev","address":"127.0.0.1:7001","region":"eu","game":"default","state":"READY"},
			 {"id":"s2","fleet":"dev","address":"127.0.0.1:7002","region":"eu","game":"default","state":"PLAYING"},
			 {"id":"s3","fleet":"dev","address":"127.0.0.1:7003","region":"us","game":"default","state":"PLAYING"}]}""");

	static final URI NOBODY = URI.create("http://127.0.0.1:" + closedPort());

	private FakeServices() {
	}

	private static URI serve(String path, String json) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get(path,
					(request, response) -> response.header("Content-Type", "application/json").sendString(Mono.just(json))))
			.bindNow();
		return URI.create("http://127.0.0.1:" + server.port());
	}

	/** A port that was free a moment ago and that nobody listens on: connections are refused. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
