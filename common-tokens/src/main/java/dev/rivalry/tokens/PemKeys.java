package dev.rivalry.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * Reads a private key from a PEM file, as OpenSSL writes them: an EC key as
 * {@code EC PRIVATE KEY} (SEC1) or {@code PRIVATE KEY} (PKCS#8), or an RSA key as
 * {@code PRIVATE KEY}. An EC key's public point is taken from the key itself or, when the
 * key does not carry it, from a {@code PUBLIC KEY} block in the same file.
 */
final class PemKeys {

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private static final String EC_OID = "1.2.840.10045.2.1";

	private static final String RSA_OID = "1.2.840.113549.1.1.1";

	private PemKeys() {
	}

	static JWK read(Path file) {
		String pem;
		try {
			pem = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read PEM file " + file, ex);
		}
		try {
			return parse(pem);
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("PEM file " + file + ": " + ex.getMessage(), ex);
		}
	}

	static JWK parse(String pem) throws GeneralSecurityException {
		byte[] privateKey = null;
		byte[] publicKey = null;
		boolean sec1 = false;
		Matcher matcher = BLOCK.matcher(pem);
		while (matcher.find()) {
			byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
			switch (matcher.group(1)) {
				case "EC PRIVATE KEY" -> {
					privateKey = der;
					sec1 = true;
				}
				case "PRIVATE KEY" -> privateKey = der;
				case "PUBLIC KEY" -> publicKey = der;
				default -> throw new IllegalArgumentException("unsupported PEM block " + matcher.group(1));
			}
		}
		if (privateKey == null) {
			throw new IllegalArgumentException("no PRIVATE KEY or EC PRIVATE KEY block");
		}
		return sec1 ? ecKey(privateKey, null, publicKey) : pkcs8(privateKey, publicKey);
	}

	/** PKCS#8: version, algorithm identifier (OID and parameters), the key, optional extras. */
	private static JWK pkcs8(byte[] der, byte[] publicKey) throws GeneralSecurityException {
		List<Der> info = Der.parse(der).expect(Der.SEQUENCE).children();
		List<Der> algorithm = info.get(1).expect(Der.SEQUENCE).children();
		String oid = algorithm.get(0).oid();
		if (EC_OID.equals(oid)) {
			return ecKey(info.get(2).expect(Der.OCTET_STRING).content(), algorithm.get(1).oid(), publicKey);
		}
		if (RSA_OID.equals(oid)) {
			RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(der));
			RSAPublicKey rsaPublic = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
			return new RSAKey.Builder(rsaPublic).privateKey(rsa).build();
		}
		throw new IllegalArgumentException("unsupported key algorithm " + oid
				+ " (PEM keys may be EC or RSA; put Ed25519 keys in a JWK set)");
	}

	/** SEC1: version, the private scalar, optional [0] curve, optional [1] public point. */
	private static JWK ecKey(byte[] sec1, String curveOid, byte[] publicKey) {
		List<Der> fields = Der.parse(sec1).expect(Der.SEQUENCE).children();
		byte[] d = fields.get(1).expect(Der.OCTET_STRING).content();
		byte[] point = null;
		for (Der field : fields.subList(2, fields.size())) {
			if (field.tag() == Der.TAGGED_0) {
				curveOid = field.children().get(0).oid();
			}
			else if (field.tag() == Der.TAGGED_1) {
				point = field.children().get(0).bits();
			}
		}
		if (point == null && publicKey != null) {
			// SubjectPublicKeyInfo: algorithm identifier, then the point as a BIT STRING.
			point = Der.parse(publicKey).expect(Der.SEQUENCE).children().get(1).bits();
		}
		if (point == null) {
			throw new IllegalArgumentException("the EC private key carries no public key; append its PUBLIC KEY block"
					+ " (openssl ec -in key.pem -pubout)");
		}
		Curve curve = (curveOid != null) ? Curve.forOID(curveOid) : null;
		if (curve == null) {
			throw new IllegalArgumentException("unsupported or missing EC curve");
		}
		int size = (curve.toECParameterSpec().getCurve().getField().getFieldSize() + 7) / 8;
		if (point.length != 1 + 2 * size || point[0] != 4) {
			throw new IllegalArgumentException("the EC public key is not an uncompressed point on " + curve);
		}
		return new ECKey.Builder(curve, Base64URL.encode(Arrays.copyOfRange(point, 1, 1 + size)),
				Base64URL.encode(Arrays.copyOfRange(point, 1 + size, point.length)))
			.d(Base64URL.encode(fixedLength(d, size)))
			.build();
	}

	private static byte[] fixedLength(byte[] scalar, int size) {
		byte[] unsigned = new BigInteger(1, scalar).toByteArray();
		byte[] fixed = new byte[size];
		int length = Math.min(unsigned.length, size);
		System.arraycopy(unsigned, unsigned.length - length, fixed, size - length, length);
		return fixed;
	}

}
