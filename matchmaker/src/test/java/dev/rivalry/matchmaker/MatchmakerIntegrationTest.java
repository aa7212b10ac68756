package dev.rivalry.matchmaker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.rivalry.testsupport.RealKafkaAndRedis;
import dev.rivalry.testsupport.TrustedTestIdentity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A matchmaker on a random port, with its own configuration ({@code matchmaker.yml} and
 * {@code matchmaker-test.yml}), against the real test Kafka and Redis, trusting the JVM's
 * test identity provider for players' tokens.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + MatchmakerApplication.CONFIG_NAME)
@ActiveProfiles("test")
@RealKafkaAndRedis
@TrustedTestIdentity
public @interface MatchmakerIntegrationTest {

}
