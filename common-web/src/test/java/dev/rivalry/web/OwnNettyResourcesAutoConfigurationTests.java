package dev.rivalry.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;

class OwnNettyResourcesAutoConfigurationTests {

	@Test
	void aContextUsesItsOwnEventLoopsNotTheJvmWideOnes() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class,
					OwnNettyResourcesAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(ReactorResourceFactory.class).isUseGlobalResources()).isFalse());
	}

}
