package dev.rivalry.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutablesTests {

	@Test
	void theFirstDirectoryOfThePathHoldingTheProgramWins() {
		Path found = Path.of("/second", "redis-server");
		Set<Path> executables = Set.of(found, Path.of("/third", "redis-server"));
		String path = String.join(File.pathSeparator, "/first", "", "/second", "/third");

		assertThat(Executables.find("redis-server", path, executables::contains)).contains(found);
	}

	@Test
	void anEmptyOrMissingPathFindsNothing() {
		assertThat(Executables.find("redis-server", null, (file) -> true)).isEmpty();
		assertThat(Executables.find("redis-server", " ", (file) -> true)).isEmpty();
	}

	@Test
	void aProgramOnNoDirectoryOfThePathIsNotFound() {
		assertThat(Executables.find("redis-server", "/usr/bin" + File.pathSeparator + "/bin", (file) -> false))
			.isEmpty();
	}

}
