package dev.rivalry.limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void byDefaultNoProxyIsTrustedAndIpv6ClientsCountByTheir64() {
		this.runner.run((context) -> {
			ClientAddressProperties properties = context.getBean(ClientAddressProperties.class);
			assertThat(properties.trustedProxies()).isEmpty();
			assertThat(properties.ipv6Prefix()).isEqualTo(64);
		});
	}

	@Test
	void trustedProxiesAreAddressesAndBlocks() {
		this.runner.withPropertyValues("rivalry.client-address.trusted-proxies=10.0.0.0/8, 127.0.0.1,fd00::/8")
			.run((context) -> assertThat(context.getBean(ClientAddressProperties.class).trustedProxies())
				.map(AddressBlock::toString)
				.containsExactly("10.0.0.0/8", "127.0.0.1", "fd00::/8"));
	}

	@ParameterizedTest
	@CsvSource({ "rivalry.client-address.trusted-proxies=proxy.internal, rivalry.client-address.trusted-proxies",
			"rivalry.client-address.trusted-proxies=10.0.0.0/40, rivalry.client-address.trusted-proxies",
			"rivalry.client-address.ipv6-prefix=16, ipv6Prefix" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messagesOf(context.getStartupFailure())).contains(named);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClientAddressProperties.class)
	static class PropertiesOnly {

	}

}
