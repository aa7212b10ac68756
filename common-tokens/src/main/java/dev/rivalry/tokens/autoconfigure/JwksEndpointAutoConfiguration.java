package dev.rivalry.tokens.autoconfigure;

import java.time.Duration;

import dev.rivalry.tokens.JwksDocument;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves this service's public keys at {@code GET /.well-known/jwks.json} in every
 * reactive web application that issues tokens. The document is rendered per request, so
 * keys added or retired at run time show at once; caches may keep it for five minutes,
 * well under the verifiers' refetch-on-unknown-{@code kid} path.
 */
@AutoConfiguration(after = TokenAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(JwksDocument.class)
public class JwksEndpointAutoConfiguration {

	/** Where verifiers fetch the keys. */
	public static final String PATH = "/.well-known/jwks.json";

	@Bean
	RouterFunction<ServerResponse> jwksEndpoint(JwksDocument jwks) {
		MediaType jwkSet = MediaType.parseMediaType(JwksDocument.MEDIA_TYPE);
		return RouterFunctions.route()
			.GET(PATH, (request) -> ServerResponse.ok()
				.contentType(jwkSet)
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
				.bodyValue(jwks.json()))
			.build();
	}

}
