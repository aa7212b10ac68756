package dev.rivalry.tokens;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JOSE library stays an implementation detail: no Nimbus type in a public signature. */
class PublicApiTests {

	private static final Path CLASSES = Path.of("target/classes");

	@Test
	void noPublicSignatureMentionsNimbus() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : publicTypes()) {
			if (type.getGenericSuperclass() != null && type.getGenericSuperclass().getTypeName().contains("nimbusds")) {
				leaks.add(type.getName());
			}
			Stream.of(type.getDeclaredConstructors(), type.getDeclaredMethods(), type.getDeclaredFields())
				.flatMap(Stream::of)
				.filter((member) -> Modifier.isPublic(((Member) member).getModifiers())
						|| Modifier.isProtected(((Member) member).getModifiers()))
				.map(PublicApiTests::signature)
				.filter((signature) -> signature.contains("com.nimbusds"))
				.forEach(leaks::add);
		}

		assertThat(publicTypes()).contains(TokenIssuer.class, TokenVerifier.class, SigningKeys.class);
		assertThat(leaks).isEmpty();
	}

	private static List<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
		List<Class<?>> types = new ArrayList<>();
		try (Stream<Path> files = Files.walk(CLASSES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = CLASSES.relativize(file).toString().replace(".class", "").replace('/', '.');
				Class<?> type = Class.forName(name, false, PublicApiTests.class.getClassLoader());
				if (isVisible(type)) {
					types.add(type);
				}
			}
		}
		return types;
	}

	private static boolean isVisible(Class<?> type) {
		for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
			if (!Modifier.isPublic(t.getModifiers())) {
				return false;
			}
		}
		return true;
	}

	private static String signature(Object member) {
		if (member instanceof Executable executable) {
			return executable.toGenericString() + " " + String.join(" ",
					Stream.of(executable.getGenericExceptionTypes()).map(Object::toString).toList());
		}
		return ((Field) member).toGenericString();
	}

}
