package dev.rivalry.profiles.filter;

import java.util.Map;

/**
 * A boolean test of a ticket's attributes, in the style of Elasticsearch's {@code bool}
 * query: a {@link Bool} combines other filters; the leaves ({@link Term}, {@link Terms},
 * {@link Range}, {@link Exists}) test one attribute.
 * <p>
 * Attributes are what a JSON object decodes to: String, Number (any type), Boolean,
 * null, nested {@code Map<String, ?>} and {@code List}. Testing never throws: a missing
 * attribute, a null, or a value of another kind than the filter expects simply does not
 * match. Implementations are immutable, thread safe, and allocate nothing while testing.
 *
 * @see <a href="https://www.elastic.co/guide/en/elasticsearch/reference/current/query-dsl-bool-query.html">Elasticsearch bool query</a>
 */
public sealed interface Filter permits Bool, Leaf {

	/**
	 * The filter that matches everything: an empty {@code bool}. A profile without a
	 * filter has this one.
	 * @return the empty bool
	 */
	static Filter matchAll() {
		return Bool.EMPTY;
	}

	/**
	 * Tests the attributes.
	 * @param attributes a ticket's attributes, not null (values may be null)
	 * @return whether the attributes match
	 */
	boolean matches(Map<String, ?> attributes);

	/**
	 * This filter in the shape it is written in, ready to be rendered as JSON or YAML,
	 * e.g. {@code {"term": {"mode": "duel"}}}. A {@code bool} always spells out its
	 * effective {@code minimum_should_match} when it has {@code should} clauses.
	 * @return an unmodifiable map with exactly one key, the clause's name
	 */
	Map<String, Object> toMap();

}
