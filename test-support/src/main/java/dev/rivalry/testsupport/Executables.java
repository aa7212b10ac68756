package dev.rivalry.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a program on a {@code PATH}, the way a shell would.
 */
final class Executables {

	private Executables() {
	}

	static Optional<Path> find(String name, String path) {
		return find(name, path, (file) -> Files.isRegularFile(file) && Files.isExecutable(file));
	}

	static Optional<Path> find(String name, String path, Predicate<Path> isExecutable) {
		if (path == null || path.isBlank()) {
			return Optional.empty();
		}
		return Arrays.stream(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> candidate(dir, name))
			.filter(Objects::nonNull)
			.filter(isExecutable)
			.findFirst();
	}

	private static Path candidate(String dir, String name) {
		try {
			return Path.of(dir, name);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

}
