package dev.rivalry.tokens.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated path, when set, names a readable regular file. Checked at binding, so a
 * mistyped key file stops the start with the property's name rather than later with a
 * stack trace.
 */
@Documented
@Constraint(validatedBy = ReadableFileValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFile {

	String message() default "must name a readable file";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
