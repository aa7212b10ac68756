package dev.rivalry.web.management;

import java.io.IOException;

import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Keeps the management server's classes out of a service's component scan: a class annotated
 * {@code @ManagementContextConfiguration}, and every class nested in one (its controllers).
 * Those are imported into the management child context alone, through
 * {@code META-INF/spring/…ManagementContextConfiguration.imports}; scanned, they would also
 * answer on the public port. Used by each service's {@code @ComponentScan} (docs/adr/0009).
 * <p>
 * Stateless and thread safe.
 */
public final class ManagementContextExcludeFilter implements TypeFilter {

	/** By name: a service without the actuator has no such classes, and needs no dependency for it. */
	static final String ANNOTATION = "org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration";

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
		if (reader.getAnnotationMetadata().isAnnotated(ANNOTATION)) {
			return true;
		}
		String enclosing = reader.getClassMetadata().getEnclosingClassName();
		return enclosing != null && match(factory.getMetadataReader(enclosing), factory);
	}

}
