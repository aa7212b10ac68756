package dev.rivalry.limits;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Who the client is, by TCP peer, {@code X-Forwarded-For} and the trusted proxies: one table.
 */
class ClientAddressesTests {

	@ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'', trusting ''{2}'' → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# peer       | X-Forwarded-For                   | trusted proxies       | client
			203.0.113.7  | -                                 | -                     | 203.0.113.7
			# Nobody trusted: the header is anyone's to write.
			203.0.113.7  | 198.51.100.1                      | -                     | 203.0.113.7
			# A trusted peer: its view of the client stands.
			10.0.0.5     | 198.51.100.1                      | 10.0.0.0/8            | 198.51.100.1
			# What the client wrote left of the real hop proves nothing.
			10.0.0.5     | 1.2.3.4, 198.51.100.1             | 10.0.0.0/8            | 198.51.100.1
			# Through two trusted proxies.
			10.0.0.5     | 1.2.3.4, 198.51.100.1, 10.0.0.9   | 10.0.0.0/8            | 198.51.100.1
			# Every hop trusted: the leftmost is the client.
			10.0.0.5     | 10.0.0.7, 10.0.0.9                | 10.0.0.0/8            | 10.0.0.7
			# Several header lines read as one list, in order.
			10.0.0.5     | 1.2.3.4; 198.51.100.1             | 10.0.0.0/8            | 198.51.100.1
			# An untrusted peer's header is ignored, however it looks.
			192.0.2.1    | 198.51.100.1                      | 10.0.0.0/8            | 192.0.2.1
			# Garbage where a trusted proxy should have written an address: its view stands.
			10.0.0.5     | 198.51.100.1, not-an-address      | 10.0.0.0/8            | 10.0.0.5
			# Host names are never looked up.
			10.0.0.5     | localhost                         | 10.0.0.0/8            | 10.0.0.5
			# Ports, as some proxies write them.
			10.0.0.5     | 198.51.100.1:4711                 | 10.0.0.0/8            | 198.51.100.1
			10.0.0.5     | [2001:db8::1]:4711                | 10.0.0.0/8            | 2001:db8::/64
			# A single trusted address, IPv6 peers and IPv6 clients by their /64.
			127.0.0.1    | 198.51.100.1                      | 127.0.0.1             | 198.51.100.1
			::1          | 198.51.100.1                      | ::1                   | 198.51.100.1
			2001:db8:1:2:3:4:5:6 | -                         | -                     | 2001:db8:1:2::/64
			# An IPv4-mapped IPv6 address is the IPv4 client it maps.
			10.0.0.5     | ::ffff:198.51.100.1               | 10.0.0.0/8            | 198.51.100.1
			""")
	void theClientIsTheFirstUntrustedHopFromTheRight(String peer, String forwardedFor, String trusted, String client) {
		ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(
				(trusted != null) ? List.of(AddressBlock.valueOf(trusted)) : List.of(), 64));
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/")
			.remoteAddress(new InetSocketAddress(AddressBlock.parse(peer), 50000));
		if (forwardedFor != null) {
			request.header(ClientAddresses.FORWARDED_FOR, forwardedFor.split(";"));
		}
		assertThat(addresses.of(request.build())).isEqualTo(client);
	}

	@ParameterizedTest
	@CsvSource({ "128, 2001:db8:1:2:3:4:5:6", "48, 2001:db8:1::/48", "64, 2001:db8:1:2::/64" })
	void ipv6ClientsCountByTheConfiguredNetwork(int prefix, String key) {
		ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of(), prefix));
		assertThat(addresses.key(AddressBlock.parse("2001:db8:1:2:3:4:5:6"))).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource({ "10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.1, false", "192.168.1.7, 192.168.1.7, true",
			"192.168.1.7, 192.168.1.8, false", "fd00::/8, fd12::1, true", "fd00::/8, fe80::1, false",
			"0.0.0.0/0, 198.51.100.1, true", "0.0.0.0/0, ::1, false", "10.0.0.0/8, ::ffff:10.1.1.1, true" })
	void aBlockHoldsTheAddressesOfItsPrefix(String block, String address, boolean contained) {
		assertThat(AddressBlock.valueOf(block).contains(AddressBlock.parse(address))).isEqualTo(contained);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "", "10.0.0" })
	void aBlockIsALiteralAddressWithAPrefixThatFits(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.valueOf(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/8", "fd00::/8", "127.0.0.1" })
	void aBlockIsWrittenAsConfigured(String text) {
		assertThat(Arrays.asList(AddressBlock.valueOf(text).toString())).containsExactly(text);
	}

}
