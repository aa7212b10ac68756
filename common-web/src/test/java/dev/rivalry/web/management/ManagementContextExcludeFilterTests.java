package dev.rivalry.web.management;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ManagementContextExcludeFilterTests {

	private final MetadataReaderFactory readers = new SimpleMetadataReaderFactory();

	static Stream<Arguments> classes() {
		return Stream.of(arguments(OperatorConfiguration.class, true), arguments(OperatorConfiguration.Listing.class, true),
				arguments(OperatorConfiguration.Listing.Deeper.class, true), arguments(PublicConfiguration.class, false),
				arguments(PublicConfiguration.Tickets.class, false), arguments(ManagementContextExcludeFilterTests.class, false));
	}

	@ParameterizedTest
	@MethodSource("classes")
	void theManagementContextsConfigurationsAndTheirNestedClassesAreExcluded(Class<?> type, boolean excluded)
			throws IOException {
		assertThat(new ManagementContextExcludeFilter().match(this.readers.getMetadataReader(type.getName()), this.readers))
			.isEqualTo(excluded);
	}

	@Test
	void theAnnotationIsNamedAsTheActuatorSpellsIt() {
		assertThat(ManagementContextExcludeFilter.ANNOTATION).isEqualTo(ManagementContextConfiguration.class.getName());
	}

	@ManagementContextConfiguration(ManagementContextType.CHILD)
	static class OperatorConfiguration {

		@RestController
		static class Listing {

			static class Deeper {

			}

		}

	}

	@Configuration
	static class PublicConfiguration {

		@RestController
		static class Tickets {

		}

	}

}
