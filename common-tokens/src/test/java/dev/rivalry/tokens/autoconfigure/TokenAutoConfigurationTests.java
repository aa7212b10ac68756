package dev.rivalry.tokens.autoconfigure;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.rivalry.tokens.IssuedToken;
import dev.rivalry.tokens.JwksDocument;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.OpenSslKeyFiles;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationListener;
import dev.rivalry.tokens.VerificationResult;
import dev.rivalry.tokens.Verified;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TokenAutoConfigurationTests {

	private static final MatchClaims MATCH = new MatchClaims("alice", "m-1", "duel", Map.of(),
			List.of(new Participant("alice", 0), new Participant("bob", 1)));

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(TokenAutoConfiguration.class, TokenMetricsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void theDefaultsGiveWorkingBeansOnAnEphemeralKey(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SigningKeys.class)
				.hasSingleBean(TokenIssuer.class)
				.hasSingleBean(JwksDocument.class)
				.hasSingleBean(TokenVerifier.class);
			assertThat(roundTrip(context.getBean(TokenIssuer.class), context.getBean(TokenVerifier.class))).isTrue();
			assertThat(context.getBean(JwksDocument.class).json())
				.contains(context.getBean(SigningKeys.class).activeKeyId());
			assertThat(output).contains("WARN").contains("ephemeral dev key");
		});
	}

	@Test
	void aJwkSetFileProvidesTheKeys(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("keys.json");
		Files.writeString(file, new JWKSet(List.of(new ECKeyGenerator(Curve.P_256).keyID("old").generate(),
				new ECKeyGenerator(Curve.P_256).keyID("new").generate())).toString(false));

		this.runner
			.withPropertyValues("rivalry.tokens.keys.jwk-set=" + file, "rivalry.tokens.keys.active-key-id=new")
			.run((context) -> {
				SigningKeys keys = context.getBean(SigningKeys.class);
				assertThat(keys.activeKeyId()).isEqualTo("new");
				assertThat(keys.keyIds()).containsExactly("old", "new");
				assertThat(output).doesNotContain("ephemeral");
			});
	}

	@Test
	void pemFilesProvideTheKeys() throws Exception {
		this.runner.withPropertyValues("rivalry.tokens.keys.pem=" + pemFile())
			.run((context) -> assertThat(context.getBean(SigningKeys.class).activeAlgorithm()).isEqualTo("ES256"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			rivalry.tokens.lifetimes.match=-5m                 | lifetimes.match
			rivalry.tokens.lifetimes.report=0s                 | lifetimes.report
			rivalry.tokens.keys.jwk-set=/no/such/keys.json     | keys.jwkSet
			rivalry.tokens.keys.pem=/no/such/key.pem           | keys.pem[0]
			rivalry.tokens.allowed-algorithms=ES256,HS256      | allowedAlgorithms[1]
			rivalry.tokens.clock-skew=-1s                      | clockSkew
			rivalry.tokens.clock-skew=10m                      | clockSkew
			rivalry.tokens.remote.expire-after=5m              | remote.expireAfterNotShorterThanMaxAge
			rivalry.tokens.names.serverlist=                   | names.serverlist
			rivalry.tokens.remote.sources.matchmaker=ftp://mm  | remote.httpSources
			rivalry.tokens.remote.timeout=0s                   | remote.timeout
			""")
	void aBadPropertyStopsTheStartAndIsNamed(String property, String field) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("Binding validation errors on rivalry.tokens")
				.contains("on field '" + field + "'");
		});
	}

	@Test
	void keysFromBothAJwkSetAndPemFilesAreRefused() throws Exception {
		Path file = Files.writeString(this.directory.resolve("keys.json"),
				new JWKSet(new ECKeyGenerator(Curve.P_256).generate()).toString(false));

		this.runner
			.withPropertyValues("rivalry.tokens.keys.jwk-set=" + file,
					"rivalry.tokens.keys.pem=" + pemFile())
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains("set either jwk-set or pem, not both"));
	}

	@Test
	void anActiveKeyWhoseAlgorithmIsNotAllowedIsRefused() {
		this.runner.withPropertyValues("rivalry.tokens.allowed-algorithms=RS256")
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains("rivalry.tokens.allowed-algorithms [RS256] does not include ES256"));
	}

	@Test
	void verificationsAreCountedWhenThereIsAMeterRegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			TokenVerifier verifier = context.getBean(TokenVerifier.class);
			IssuedToken token = context.getBean(TokenIssuer.class).issue(TokenKind.MATCH, MATCH);
			verifier.verify(token.compact(), TokenKind.MATCH).block();
			verifier.verify(token.compact(), TokenKind.REPORT).block();
			verifier.verify("garbage", TokenKind.MATCH).block();

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("rivalry.tokens.verified").tag("kind", "match").counter().count()).isEqualTo(1);
			assertThat(registry.get("rivalry.tokens.rejected").tags("kind", "report", "reason", "wrong_type")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("rivalry.tokens.rejected").tags("kind", "match", "reason", "malformed")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void nothingIsCountedWithoutAMeterRegistry() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(VerificationListener.class));
	}

	@Test
	void theApplicationsOwnBeansWinAndItsClockIsUsed() {
		SigningKeys keys = SigningKeys.generate();
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		this.runner.withBean(SigningKeys.class, () -> keys)
			.withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
			.run((context) -> {
				assertThat(context.getBean(SigningKeys.class)).isSameAs(keys);
				assertThat(context.getBean(TokenIssuer.class).issue(TokenKind.MATCH, MATCH).issuedAt()).isEqualTo(now);
				assertThat(roundTrip(context.getBean(TokenIssuer.class), context.getBean(TokenVerifier.class))).isTrue();
			});
	}

	@Test
	void anotherIssuersTokensAreVerifiedWithItsRemoteKeys() throws Exception {
		SigningKeys serverlistKeys = SigningKeys.generate();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/.well-known/jwks.json", (exchange) -> {
			byte[] body = serverlistKeys.jwksJson().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
			String report = new TokenIssuer(serverlistKeys)
				.issue(TokenKind.REPORT, ReportClaims.of(MATCH, "server-1"))
				.compact();
			this.runner.withPropertyValues("rivalry.tokens.remote.sources.serverlist=" + url).run((context) -> {
				TokenVerifier verifier = context.getBean(TokenVerifier.class);
				assertThat(verifier.verify(report, TokenKind.REPORT).block()).isInstanceOf(Verified.class);
				assertThat(roundTrip(context.getBean(TokenIssuer.class), verifier)).isTrue();
			});
		}
		finally {
			server.stop(0);
		}
	}

	private static boolean roundTrip(TokenIssuer issuer, TokenVerifier verifier) {
		IssuedToken token = issuer.issue(TokenKind.MATCH, MATCH);
		VerificationResult<MatchClaims> result = verifier.verify(token.compact(), TokenKind.MATCH).block();
		return result instanceof Verified<MatchClaims> verified && verified.claims().equals(MATCH);
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}


	private Path pemFile() throws Exception {
		return OpenSslKeyFiles.writeAll(this.directory).resolve("ec-sec1.pem");
	}

}
