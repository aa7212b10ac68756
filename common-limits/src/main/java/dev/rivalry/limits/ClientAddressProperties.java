package dev.rivalry.limits;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who the client of a request is, for per-address limits ({@code rivalry.client-address.*},
 * docs/configuration.md).
 *
 * @param trustedProxies the proxies and load balancers in front of the service, as
 * addresses or CIDR blocks; only a request that arrives from one of them has its
 * {@code X-Forwarded-For} believed, and then only as far back as the hops are trusted. Empty
 * (the default): the client is the TCP peer, and {@code X-Forwarded-For} is ignored, since
 * anyone can send one
 * @param ipv6Prefix how many leading bits of an IPv6 address make one client: a host is
 * normally given a whole {@code /64} and may use any address in it
 */
@Validated
@ConfigurationProperties("rivalry.client-address")
public record ClientAddressProperties(@DefaultValue List<@NotNull AddressBlock> trustedProxies,
		@DefaultValue("64") @Min(32) @Max(128) int ipv6Prefix) {
}
