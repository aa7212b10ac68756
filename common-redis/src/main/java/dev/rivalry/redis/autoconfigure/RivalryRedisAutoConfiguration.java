package dev.rivalry.redis.autoconfigure;

import dev.rivalry.redis.RivalryRedisProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds and validates {@code rivalry.redis.*} once for every module of the service. */
@AutoConfiguration
@EnableConfigurationProperties(RivalryRedisProperties.class)
public class RivalryRedisAutoConfiguration {

}
