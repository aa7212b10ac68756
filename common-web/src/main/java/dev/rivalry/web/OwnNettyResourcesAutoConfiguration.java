package dev.rivalry.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each service's application context owns its Netty event loops and connection pool,
 * instead of reactor-netty's JVM-wide globals. Several services share a JVM in standalone
 * and in the end-to-end tests; with the globals, closing one context (a restarted
 * matchmaker) disposed the loops every other service's server and clients ran on.
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class,
		beforeName = "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration")
@ConditionalOnClass({ ReactorResourceFactory.class, reactor.netty.http.HttpResources.class })
public class OwnNettyResourcesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		return factory;
	}

}
