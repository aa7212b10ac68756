package dev.rivalry.tokens;

import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.util.Base64URL;

import dev.rivalry.tokens.Rejected.Reason;

/**
 * A compact JWS whose structure and header passed the checks that need no key: three
 * base64url parts, a signature, an allowed algorithm, the expected {@code typ} and a
 * {@code kid}. The header is all that is trusted before the signature is checked, and it
 * is only used to pick the key; key URLs in it ({@code jku}, {@code x5u}, {@code jwk}) are
 * ignored.
 */
record CompactJws(JWSObject jws, JWSAlgorithm algorithm, String kid) {

	/** Far above any token we issue; bounds the work a hostile input can cause. */
	static final int MAX_LENGTH = 16 * 1024;

	static CompactJws parse(String compact, TokenKind<?> kind, Set<JWSAlgorithm> allowed) {
		String[] parts = split(compact);
		Header header;
		try {
			header = Header.parse(new Base64URL(parts[0]));
		}
		catch (ParseException ex) {
			throw new Rejection(Reason.MALFORMED, "the header is not a JOSE header");
		}
		if (header instanceof PlainHeader || parts[2].isEmpty()) {
			throw new Rejection(Reason.UNSIGNED_OR_ALG_NONE, "the token is not signed");
		}
		if (!(header instanceof JWSHeader jwsHeader)) {
			throw new Rejection(Reason.MALFORMED, "the header is not a JWS header");
		}
		JWSAlgorithm algorithm = jwsHeader.getAlgorithm();
		if (!allowed.contains(algorithm)) {
			throw new Rejection(Reason.ALGORITHM_NOT_ALLOWED, "alg " + Rejection.quote(algorithm) + " is not allowed");
		}
		String type = (jwsHeader.getType() != null) ? jwsHeader.getType().getType() : null;
		if (!kind.isTypeOf(type)) {
			throw new Rejection(Reason.WRONG_TYPE, "typ " + Rejection.quote(type) + " is not " + kind.type());
		}
		String kid = jwsHeader.getKeyID();
		if (kid == null || kid.isBlank()) {
			throw new Rejection(Reason.UNKNOWN_KEY, "the header has no kid");
		}
		try {
			JWSObject jws = new JWSObject(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
			return new CompactJws(jws, algorithm, kid);
		}
		catch (ParseException ex) {
			throw new Rejection(Reason.MALFORMED, "not a compact JWS");
		}
	}

	private static String[] split(String compact) {
		if (compact == null || compact.isEmpty()) {
			throw new Rejection(Reason.MALFORMED, "no token");
		}
		if (compact.length() > MAX_LENGTH) {
			throw new Rejection(Reason.MALFORMED, "longer than " + MAX_LENGTH + " characters");
		}
		String[] parts = compact.split("\\.", -1);
		if (parts.length != 3) {
			throw new Rejection(Reason.MALFORMED, "a compact JWS has 3 parts, not " + parts.length);
		}
		for (int i = 0; i < parts.length; i++) {
			if (!isBase64Url(parts[i])) {
				throw new Rejection(Reason.MALFORMED, "part " + (i + 1) + " is not base64url");
			}
		}
		return parts;
	}

	private static boolean isBase64Url(String part) {
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!ok) {
				return false;
			}
		}
		// A length of 1 mod 4 cannot come from encoding whole bytes.
		return part.length() % 4 != 1;
	}

}
