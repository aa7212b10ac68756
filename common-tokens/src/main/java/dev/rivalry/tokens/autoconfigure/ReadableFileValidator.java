package dev.rivalry.tokens.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link ReadableFile}; {@code null} is valid (the property is optional). */
public class ReadableFileValidator implements ConstraintValidator<ReadableFile, Path> {

	@Override
	public boolean isValid(Path path, ConstraintValidatorContext context) {
		return path == null || (Files.isRegularFile(path) && Files.isReadable(path));
	}

}
