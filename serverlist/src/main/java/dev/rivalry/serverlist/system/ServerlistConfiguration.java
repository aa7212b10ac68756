package dev.rivalry.serverlist.system;

import java.time.Clock;

import dev.rivalry.redis.RivalryRedisProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * What every feature of the serverlist shares: its settings, the clock, the key layout and
 * the instance's one pub/sub connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServerlistProperties.class)
class ServerlistConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ServerlistKeys serverlistKeys(RivalryRedisProperties properties) {
		return ServerlistKeys.withPrefix(properties.keyPrefix());
	}

	/** The instance's one Redis pub/sub connection. */
	@Bean(destroyMethod = "destroy")
	ReactiveRedisMessageListenerContainer serverChannels(ReactiveRedisConnectionFactory connectionFactory) {
		return new ReactiveRedisMessageListenerContainer(connectionFactory);
	}

	@Bean
	SecuritySchemes securitySchemes() {
		return new SecuritySchemes();
	}

}
