package dev.rivalry.tokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Writes fresh key files in the layouts OpenSSL produces, so tests read real PEM files
 * without any private key living in the repository: {@code ec-sec1.pem}
 * ({@code openssl ecparam -genkey}: SEC1 with curve and public point),
 * {@code ec-pkcs8.pem} ({@code openssl genpkey -algorithm EC}: PKCS#8 whose inner SEC1
 * carries the public point) and {@code rsa-pkcs8.pem} ({@code openssl genpkey -algorithm
 * RSA}).
 */
public final class OpenSslKeyFiles {

	/** prime256v1 (P-256) and id-ecPublicKey. */
	private static final byte[] P256 = { 0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07 };

	private static final byte[] EC_PUBLIC_KEY = { 0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01 };

	private OpenSslKeyFiles() {
	}

	/** Writes the three files into a directory and returns it. */
	public static Path writeAll(Path directory) throws Exception {
		KeyPair ec = ecKeyPair();
		Files.writeString(directory.resolve("ec-sec1.pem"), pem("EC PRIVATE KEY", sec1(ec, true)));
		Files.writeString(directory.resolve("ec-pkcs8.pem"), pem("PRIVATE KEY", pkcs8(ecKeyPair())));
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		Files.writeString(directory.resolve("rsa-pkcs8.pem"), pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()));
		return directory;
	}

	private static KeyPair ecKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	/** ECPrivateKey ::= SEQUENCE { 1, d, [0] curve OPTIONAL, [1] public point OPTIONAL }. */
	private static byte[] sec1(KeyPair pair, boolean withCurve) throws IOException {
		ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
		byte[] point = concat(new byte[] { 0x00, 0x04 }, fixed(publicKey.getW().getAffineX()),
				fixed(publicKey.getW().getAffineY()));
		byte[] fields = concat(new byte[] { 0x02, 0x01, 0x01 },
				tlv(0x04, fixed(((ECPrivateKey) pair.getPrivate()).getS())), withCurve ? tlv(0xA0, P256) : new byte[0],
				tlv(0xA1, tlv(0x03, point)));
		return tlv(0x30, fields);
	}

	/** PrivateKeyInfo ::= SEQUENCE { 0, { id-ecPublicKey, prime256v1 }, OCTET STRING sec1 }. */
	private static byte[] pkcs8(KeyPair pair) throws IOException {
		return tlv(0x30, concat(new byte[] { 0x02, 0x01, 0x00 }, tlv(0x30, concat(EC_PUBLIC_KEY, P256)),
				tlv(0x04, sec1(pair, false))));
	}

	private static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static byte[] tlv(int tag, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		if (content.length < 128) {
			out.write(content.length);
		}
		else if (content.length < 256) {
			out.write(0x81);
			out.write(content.length);
		}
		else {
			out.write(0x82);
			out.write(content.length >> 8);
			out.write(content.length & 0xff);
		}
		out.write(content);
		return out.toByteArray();
	}

	private static byte[] concat(byte[]... parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part);
		}
		return out.toByteArray();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
