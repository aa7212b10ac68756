package dev.rivalry.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address a request counts against. By default the TCP peer. When the peer is a
 * trusted proxy, {@code X-Forwarded-For} is read from its right end (the hop the proxy
 * itself saw) leftwards, past every trusted hop, to the first address that is not one: what
 * lies further left was written by the client and proves nothing. IPv6 clients count by
 * their network ({@code /64} by default), since a host may use any address of its own
 * network. No DNS lookups. Thread safe.
 */
public final class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	/** The key of a request whose peer is not known (never over a real network). */
	static final String UNKNOWN = "unknown";

	private final List<AddressBlock> trustedProxies;

	private final int ipv6Prefix;

	public ClientAddresses(ClientAddressProperties properties) {
		this.trustedProxies = List.copyOf(properties.trustedProxies());
		this.ipv6Prefix = properties.ipv6Prefix();
	}

	/**
	 * @param request the request
	 * @return its client, as a bucket key: {@code 203.0.113.7}, {@code 2001:db8:1:2::/64}
	 */
	public String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (peer == null) {
			return UNKNOWN;
		}
		return key(client(peer, request.getHeaders().getValuesAsList(FORWARDED_FOR)));
	}

	/**
	 * @param peer the TCP peer
	 * @param forwardedFor the {@code X-Forwarded-For} entries, in order
	 * @return the client the request counts against
	 */
	InetAddress client(InetAddress peer, List<String> forwardedFor) {
		InetAddress client = peer;
		List<String> hops = hops(forwardedFor);
		for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
			InetAddress hop = AddressBlock.parse(withoutPort(hops.get(i)));
			if (hop == null) {
				// Trusted proxies write addresses; anything else came from the client: the last
				// trusted hop's view stands.
				break;
			}
			client = hop;
		}
		return client;
	}

	String key(InetAddress address) {
		if (address instanceof Inet6Address && this.ipv6Prefix < 128) {
			byte[] network = AddressBlock.masked(address.getAddress(), this.ipv6Prefix);
			return NetUtil.bytesToIpAddress(network) + "/" + this.ipv6Prefix;
		}
		return NetUtil.toAddressString(address);
	}

	private boolean trusted(InetAddress address) {
		for (AddressBlock block : this.trustedProxies) {
			if (block.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> hops(List<String> headers) {
		List<String> hops = new ArrayList<>();
		for (String header : headers) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.trim());
				}
			}
		}
		return hops;
	}

	/** {@code 203.0.113.7:4711} and {@code [2001:db8::1]:4711} as some proxies write them. */
	private static String withoutPort(String hop) {
		if (hop.startsWith("[")) {
			int end = hop.indexOf(']');
			return (end > 0) ? hop.substring(1, end) : hop;
		}
		int colon = hop.indexOf(':');
		return (colon > 0 && colon == hop.lastIndexOf(':')) ? hop.substring(0, colon) : hop;
	}

}
