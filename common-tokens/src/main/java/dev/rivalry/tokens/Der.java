package dev.rivalry.tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to read the key structures of PEM files (SEC1, PKCS#8, SPKI): tags,
 * lengths, children of constructed values and object identifiers. The JDK parses the keys
 * themselves; this only finds the parts it will not hand out, such as an EC key's curve
 * and public point.
 */
record Der(int tag, byte[] content) {

	static final int INTEGER = 0x02;

	static final int BIT_STRING = 0x03;

	static final int OCTET_STRING = 0x04;

	static final int OID = 0x06;

	static final int SEQUENCE = 0x30;

	/** Context-specific, constructed: {@code [0]} and {@code [1]}. */
	static final int TAGGED_0 = 0xa0;

	static final int TAGGED_1 = 0xa1;

	static Der parse(byte[] der) {
		List<Der> values = parseAll(der);
		if (values.size() != 1) {
			throw new IllegalArgumentException("not a single DER value");
		}
		return values.get(0);
	}

	static List<Der> parseAll(byte[] der) {
		List<Der> values = new ArrayList<>();
		int i = 0;
		while (i < der.length) {
			int tag = der[i++] & 0xff;
			if (i >= der.length) {
				throw new IllegalArgumentException("truncated DER");
			}
			int length = der[i++] & 0xff;
			if (length > 0x7f) {
				int octets = length & 0x7f;
				if (octets == 0 || octets > 3 || i + octets > der.length) {
					throw new IllegalArgumentException("unsupported DER length");
				}
				length = 0;
				for (int k = 0; k < octets; k++) {
					length = (length << 8) | (der[i++] & 0xff);
				}
			}
			if (i + length > der.length) {
				throw new IllegalArgumentException("truncated DER");
			}
			values.add(new Der(tag, Arrays.copyOfRange(der, i, i + length)));
			i += length;
		}
		return values;
	}

	List<Der> children() {
		return parseAll(this.content);
	}

	Der expect(int expectedTag) {
		if (this.tag != expectedTag) {
			throw new IllegalArgumentException("unexpected DER tag " + this.tag);
		}
		return this;
	}

	/** The bits of a BIT STRING, which must have no unused bits. */
	byte[] bits() {
		expect(BIT_STRING);
		if (this.content.length == 0 || this.content[0] != 0) {
			throw new IllegalArgumentException("unexpected unused bits in a BIT STRING");
		}
		return Arrays.copyOfRange(this.content, 1, this.content.length);
	}

	/** The dotted form of an OBJECT IDENTIFIER. */
	String oid() {
		expect(OID);
		StringBuilder oid = new StringBuilder();
		long value = 0;
		for (int i = 0; i < this.content.length; i++) {
			value = (value << 7) | (this.content[i] & 0x7f);
			if ((this.content[i] & 0x80) == 0) {
				if (oid.length() == 0) {
					int first = (int) Math.min(value / 40, 2);
					oid.append(first).append('.').append(value - first * 40L);
				}
				else {
					oid.append('.').append(value);
				}
				value = 0;
			}
		}
		return oid.toString();
	}

}
