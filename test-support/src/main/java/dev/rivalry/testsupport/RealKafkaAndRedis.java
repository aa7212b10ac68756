package dev.rivalry.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Both {@link RealKafka @RealKafka} and {@link RealRedis @RealRedis}: <pre>{@code
 * @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * @RealKafkaAndRedis
 * class TicketFlowIntegrationTests {
 *     // the application talks to the shared broker and Redis; keys under TestRedis.get().keyPrefix()
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RealKafka
@RealRedis
public @interface RealKafkaAndRedis {

}
