package dev.rivalry.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the Spring test context of the annotated class at the shared {@link TestKafka}
 * broker: {@code spring.kafka.bootstrap-servers} and
 * {@code spring.cloud.stream.kafka.binder.brokers}, ahead of every other property source.
 * The broker starts when the context is created. Works with {@code @SpringBootTest},
 * {@code @SpringJUnitConfig} and the other Spring TestContext annotations; classes with the
 * same configuration share one cached context.
 *
 * @see RealKafkaAndRedis
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealKafka {

}
