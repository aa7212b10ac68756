package dev.rivalry.redis.autoconfigure;

import dev.rivalry.redis.StoreOutages;
import dev.rivalry.web.RetryAfterProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Every Rivalry web service answers a Redis outage with {@code 503 store-unavailable}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class StoreOutagesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StoreOutages storeOutages(ObjectProvider<RetryAfterProperties> retryAfter) {
		return new StoreOutages(retryAfter.getIfAvailable(RetryAfterProperties::defaults));
	}

}
