package dev.rivalry.engine.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.rivalry.engine.EngineInstances;
import dev.rivalry.testsupport.fuzz.FuzzArbitraries;
import dev.rivalry.testsupport.fuzz.FuzzRequest;
import dev.rivalry.testsupport.fuzz.HttpFuzzer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hostile requests to the match engine's HTTP surface (pools and the actuator, on its public
 * and management ports) through the real HTTP stack: never a server error, every refusal of
 * the engine's own an RFC 9457 problem. The engine takes no input over HTTP, so nothing can be written.
 * {@code -Djqwik.tries.default=10000} for a longer run (docs/testing.md).
 */
class EngineFuzzTests {

	private static ConfigurableApplicationContext engine;

	private static List<HttpFuzzer> ports;

	@BeforeContainer
	static void start() {
		// A profile file of its own: this engine must not take the other tests' tickets.
		engine = EngineInstances.start("fuzz-" + UUID.randomUUID(),
				Map.of("rivalry.profiles.location", "classpath:engine-fuzz-profiles.yml"));
		int port = ((WebServerApplicationContext) engine).getWebServer().getPort();
		String management = engine.getEnvironment().getProperty("local.management.port");
		ports = (management != null && !management.equals(Integer.toString(port)))
				? List.of(new HttpFuzzer("http://localhost:" + port), new HttpFuzzer("http://localhost:" + management))
				: List.of(new HttpFuzzer("http://localhost:" + port));
	}

	@AfterContainer
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	@Property
	void whateverIsSentTheEngineAnswersWithinItsContract(@ForAll("requests") FuzzRequest request,
			@ForAll("ports") int which) {
		HttpFuzzer fuzzer = ports.get(which % ports.size());
		// The actuator is Spring Boot's: its refusals carry no problem body, but it must not fail either.
		HttpFuzzer.assertWellBehaved(fuzzer.send(request), request, Set.of(), !request.path().startsWith("/actuator"));
	}

	@Provide
	Arbitrary<Integer> ports() {
		return Arbitraries.integers().between(0, 1);
	}

	@Provide
	Arbitrary<FuzzRequest> requests() {
		Arbitrary<String> path = Combinators.combine(FuzzArbitraries.pathSegments(),
				Arbitraries.of("/v1/pools", "/v1/pools/{x}", "/v1/pools?profile={x}", "/actuator", "/actuator/{x}",
						"/actuator/health/{x}", "/v1/{x}", "/{x}"))
			.as((segment, template) -> template.replace("{x}", segment));
		Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.just(null), FuzzArbitraries.hostileText());
		return Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH"), path,
				FuzzArbitraries.junkAuthorizations(), FuzzArbitraries.contentTypes(), body)
			.as(FuzzRequest::new);
	}

}
