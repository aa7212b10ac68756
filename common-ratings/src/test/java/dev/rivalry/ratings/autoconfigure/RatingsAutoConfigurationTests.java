package dev.rivalry.ratings.autoconfigure;

import java.time.Duration;

import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.RatingKeys;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.redis.autoconfigure.RivalryRedisAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

class RatingsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, RivalryRedisAutoConfiguration.class,
				RatingsAutoConfiguration.class))
		.withUserConfiguration(Redis.class);

	@Test
	void theDefaultsAreRivalrysScaleUnderTheSharedKeyPrefix() {
		this.runner.withPropertyValues("rivalry.redis.key-prefix=tenant:").run((context) -> {
			assertThat(context.getBean(OpenSkill.class).parameters()).isEqualTo(OpenSkill.Parameters.DEFAULT);
			assertThat(context.getBean(RatingKeys.class).ratings("alice")).isEqualTo("tenant:rating:{alice}");
			assertThat(context.getBean(RatingStore.class).initial().rating().mu()).isEqualTo(1500);
			assertThat(context.getBean(RatingsProperties.class).cache().ttl()).isEqualTo(Duration.ofSeconds(60));
		});
	}

	@Test
	void withoutRedisThereIsNoStore() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RatingsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RatingStore.class));
	}

	@ParameterizedTest
	@CsvSource({ "rivalry.ratings.sigma=0, rivalry.ratings.sigma", "rivalry.ratings.beta=-1, rivalry.ratings.beta",
			"rivalry.ratings.tau=-1, rivalry.ratings.tau", "rivalry.ratings.cache.ttl=soon, rivalry.ratings.cache.ttl",
			"rivalry.ratings.cache.max-entries=-1, rivalry.ratings.cache.maxEntries" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messagesOf(context.getStartupFailure())).contains(named);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Redis {

		@Bean
		ReactiveStringRedisTemplate redisTemplate() {
			// Never connected: the beans under test only need a template to exist.
			return new ReactiveStringRedisTemplate(new LettuceConnectionFactory());
		}

	}

}
