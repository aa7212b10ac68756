package dev.rivalry.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application under test trusts the JVM's {@link TestIdentity} as its players'
 * identity provider (the matchmaker's {@code rivalry.matchmaker.identity.providers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TrustedTestIdentity {

}
