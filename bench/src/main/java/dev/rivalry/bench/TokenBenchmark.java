package dev.rivalry.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationResult;

/**
 * Signing and verifying ES256 match tokens, one thread: the matchmaker signs one per
 * player of every match, the serverlist verifies one per allocation call. Verifying
 * blocks on the verifier's {@code Mono}: with local keys it completes synchronously, so
 * this measures the work, not a scheduler. {@code jcaSign} and {@code jcaVerify} are the
 * baseline: the JDK's own ECDSA P-256 on a token's bytes, without JOSE, JSON or claims
 * checks, so the difference is what the token layer adds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class TokenBenchmark {

	/** Participants in the token: a 1v1 and a 5v5. */
	@Param({ "2", "10" })
	int participants;

	private TokenIssuer issuer;

	private TokenVerifier verifier;

	private MatchClaims claims;

	private String token;

	private KeyPair jcaKeys;

	private byte[] jcaInput;

	private byte[] jcaSignature;

	@Setup(Level.Trial)
	public void createKeys() {
		SigningKeys keys = SigningKeys.generate();
		this.issuer = new TokenIssuer(keys);
		this.verifier = TokenVerifier.builder().localKeys(keys).build();
		List<Participant> players = new ArrayList<>();
		for (int i = 0; i < this.participants; i++) {
			players.add(new Participant("player-" + i, i % 2));
		}
		this.claims = new MatchClaims("player-0", "0b7c1e2a-5f7d-4d2e-9a51-3c1f0f7e8d21", "squad",
				Map.of("map", "arena", "rounds", 3), players, "rivalry-arena");
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.jcaKeys = generator.generateKeyPair();
			String compact = this.issuer.issue(TokenKind.MATCH, this.claims).compact();
			this.jcaInput = compact.substring(0, compact.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
			this.jcaSignature = jcaSign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh token each iteration, so it never expires during a run (match tokens live minutes). */
	@Setup(Level.Iteration)
	public void issueToken() {
		this.token = this.issuer.issue(TokenKind.MATCH, this.claims).compact();
		if (!this.verifier.verify(this.token, TokenKind.MATCH).block().isVerified()) {
			throw new IllegalStateException("the benchmark's token does not verify");
		}
	}

	@Benchmark
	public String sign() {
		return this.issuer.issue(TokenKind.MATCH, this.claims).compact();
	}

	@Benchmark
	public VerificationResult<MatchClaims> verify() {
		return this.verifier.verify(this.token, TokenKind.MATCH).block();
	}

	@Benchmark
	public byte[] jcaSign() throws GeneralSecurityException {
		Signature signature = Signature.getInstance("SHA256withECDSA");
		signature.initSign(this.jcaKeys.getPrivate());
		signature.update(this.jcaInput);
		return signature.sign();
	}

	@Benchmark
	public boolean jcaVerify() throws GeneralSecurityException {
		Signature signature = Signature.getInstance("SHA256withECDSA");
		signature.initVerify(this.jcaKeys.getPublic());
		signature.update(this.jcaInput);
		return signature.verify(this.jcaSignature);
	}

}
