package dev.rivalry.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), or one
 * address ({@code 127.0.0.1}, a {@code /32} or {@code /128}). Only literal addresses are
 * read: nothing here ever asks DNS, which would block. Immutable.
 */
public final class AddressBlock {

	private final byte[] network;

	private final int prefix;

	private final String text;

	private AddressBlock(byte[] network, int prefix, String text) {
		this.network = network;
		this.prefix = prefix;
		this.text = text;
	}

	/**
	 * @param text an address or {@code address/prefix-length}
	 * @return the block; how configuration binds one
	 * @throws IllegalArgumentException when the text is not one
	 */
	public static AddressBlock valueOf(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		byte[] address = literal((slash < 0) ? trimmed : trimmed.substring(0, slash));
		if (address == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR block (e.g. 10.0.0.0/8, fd00::/8): '" + text + "'");
		}
		int bits = address.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("The prefix length of '" + text + "' must be 0 to " + bits);
			}
		}
		return new AddressBlock(masked(address, prefix), prefix, trimmed);
	}

	/** @return whether the address lies in the block (an IPv4 address is never in an IPv6 block) */
	public boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == this.network.length && java.util.Arrays.equals(masked(bytes, this.prefix), this.network);
	}

	/**
	 * @param text a literal IPv4 or IPv6 address (IPv4-mapped IPv6 addresses become IPv4)
	 * @return the address, or null when the text is not a literal address
	 */
	static InetAddress parse(String text) {
		byte[] bytes = literal(text);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** The address's first {@code prefix} bits, the rest zero. */
	static byte[] masked(byte[] address, int prefix) {
		byte[] masked = address.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] &= (byte) (0xff << (8 - keep));
		}
		return masked;
	}

	private static byte[] literal(String text) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
		if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
			return java.util.Arrays.copyOfRange(bytes, 12, 16);
		}
		return bytes;
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
