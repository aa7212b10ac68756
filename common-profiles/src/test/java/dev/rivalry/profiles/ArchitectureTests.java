package dev.rivalry.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model, loader and filters are plain Java, so the match engine's strategies can use
 * them: only the autoconfigure package may know Spring.
 */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/rivalry/profiles");

	private static final Pattern FORBIDDEN = Pattern.compile(
			"^import (static )?(org\\.springframework|reactor|org\\.apache\\.kafka|io\\.lettuce|redis|jakarta)\\.",
			Pattern.MULTILINE);

	@Test
	void onlyTheAutoconfigurePackageImportsFrameworks() throws IOException {
		List<Path> sources;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			sources = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.startsWith(SOURCES.resolve("autoconfigure")))
				.toList();
		}
		assertThat(sources).hasSizeGreaterThan(10);
		for (Path source : sources) {
			assertThat(FORBIDDEN.matcher(Files.readString(source)).find()).as(source.toString()).isFalse();
		}
	}

}
