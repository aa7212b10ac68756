package dev.rivalry.engine.strategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategies are pure: no framework, messaging, storage or I/O. Checked twice: the
 * sources' imports, and the compiled classes' constant pools (which also catch fully
 * qualified names that no import shows).
 */
class ArchitectureTests {

	private static final String PACKAGE = "dev/rivalry/engine/strategy";

	private static final List<String> FORBIDDEN = List.of("org.springframework", "reactor", "org.apache.kafka",
			"io.lettuce", "java.io", "java.nio", "java.net");

	private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

	@Test
	void strategySourcesImportNoFrameworkNorIo() throws IOException {
		List<Path> sources = files(Path.of("src/main/java", PACKAGE), ".java");
		assertThat(sources).hasSizeGreaterThan(10);
		for (Path source : sources) {
			var imports = IMPORT.matcher(Files.readString(source));
			while (imports.find()) {
				String imported = imports.group(2);
				assertThat(FORBIDDEN).as("%s imports %s", source.getFileName(), imported)
					.noneMatch((prefix) -> imported.startsWith(prefix + "."));
			}
		}
	}

	@Test
	void strategyClassesReferToNoFrameworkNorIo() throws IOException {
		List<Path> classes = files(Path.of("target/classes", PACKAGE), ".class");
		assertThat(classes).hasSizeGreaterThan(10);
		for (Path compiled : classes) {
			// class names sit in the constant pool as UTF-8, in internal form: org/springframework/...
			String constants = new String(Files.readAllBytes(compiled), StandardCharsets.ISO_8859_1);
			for (String prefix : FORBIDDEN) {
				assertThat(constants).as("%s refers to %s", compiled.getFileName(), prefix)
					.doesNotContain(prefix.replace('.', '/') + "/");
			}
		}
	}

	private static List<Path> files(Path directory, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).toList();
		}
	}

}
