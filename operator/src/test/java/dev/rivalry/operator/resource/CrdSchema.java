package dev.rivalry.operator.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The generated CRD (the build writes it to {@code META-INF/fabric8/}), and its spec schema
 * as a JSON Schema validator: what {@code kubectl} would refuse.
 */
public final class CrdSchema {

	/** Where the build's CRD generator puts the CRD on the class path. */
	public static final String LOCATION = "META-INF/fabric8/matchprofiles.rivalry.dev-v1.yml";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private CrdSchema() {
	}

	/** @return the CRD's text */
	public static String text() {
		try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(LOCATION)) {
			if (in == null) {
				throw new IllegalStateException(LOCATION + " is missing: the build generates it (process-classes)");
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the spec's OpenAPI v3 schema as a validator */
	public static JsonSchema spec() {
		try {
			JsonNode schema = YAML.readTree(text()).at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param schema a validator from {@link #spec()}
	 * @param spec a spec
	 * @return what the schema refuses in it; empty when it takes it
	 */
	public static Set<ValidationMessage> refusals(JsonSchema schema, JsonNode spec) {
		return schema.validate(spec);
	}

}
