package dev.rivalry.matchmaker;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * For {@code @WebFluxTest} slices of the matchmaker's controllers: a slice has none of the
 * service's security (tokens are the business of the identity tests), so everything is open and
 * the controller sees no caller.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class OpenSecurity {

	@Bean
	SecurityWebFilterChain open(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.build();
	}

}
