package dev.rivalry.profiles.filter;

import java.util.Map;

/**
 * A filter on the value(s) of one attribute. The attribute's path is resolved as
 * {@link FieldPath} describes; each non-null value found there (each element, for a
 * list) is offered to {@link #accepts}, and the leaf matches when any is accepted. A
 * missing or null attribute, or an empty list, matches no leaf.
 */
public sealed interface Leaf extends Filter permits Term, Terms, Range, Exists {

	/** @return the attribute this leaf tests */
	FieldPath field();

	/**
	 * Whether one value, never null and never a list, satisfies this leaf.
	 * @param value an attribute value
	 * @return whether it is accepted
	 */
	boolean accepts(Object value);

	@Override
	default boolean matches(Map<String, ?> attributes) {
		return field().anyAccepted(attributes, this);
	}

}
