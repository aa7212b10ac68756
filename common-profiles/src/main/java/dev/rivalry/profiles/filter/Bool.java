package dev.rivalry.profiles.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bool}: matches when every {@code must} and {@code filter} clause matches, no
 * {@code must_not} clause matches, and at least {@code minimumShouldMatch} of the
 * {@code should} clauses match. With no scoring here, {@code must} and {@code filter}
 * mean the same. A bool without clauses matches everything.
 * <p>
 * {@code minimumShouldMatch} is the effective number, already resolved the way
 * Elasticsearch resolves it: see {@link #of}.
 *
 * @param must clauses that must all match
 * @param filter clauses that must all match (same as must)
 * @param should optional clauses, of which {@code minimumShouldMatch} must match
 * @param mustNot clauses of which none may match
 * @param minimumShouldMatch between 0 and the number of should clauses
 */
public record Bool(List<Filter> must, List<Filter> filter, List<Filter> should, List<Filter> mustNot,
		int minimumShouldMatch) implements Filter {

	static final Bool EMPTY = new Bool(List.of(), List.of(), List.of(), List.of(), 0);

	public Bool {
		must = List.copyOf(must);
		filter = List.copyOf(filter);
		should = List.copyOf(should);
		mustNot = List.copyOf(mustNot);
		if (minimumShouldMatch < 0 || minimumShouldMatch > should.size()) {
			throw new IllegalArgumentException("minimumShouldMatch must be between 0 and " + should.size()
					+ " (the number of should clauses), not " + minimumShouldMatch);
		}
	}

	/**
	 * A bool with {@code minimum_should_match} resolved as Elasticsearch does. When not
	 * given, it is 1 if there are should clauses and no must or filter clause, else 0 (the
	 * should clauses then only score, which means nothing here). A negative value {@code -n}
	 * means "all should clauses but n". The result is capped to the number of should
	 * clauses and floored at 0.
	 * @param minimumShouldMatch as written, or null when absent
	 * @return the bool
	 */
	public static Bool of(List<Filter> must, List<Filter> filter, List<Filter> should, List<Filter> mustNot,
			Integer minimumShouldMatch) {
		int effective;
		if (minimumShouldMatch == null) {
			effective = (!should.isEmpty() && must.isEmpty() && filter.isEmpty()) ? 1 : 0;
		}
		else if (minimumShouldMatch < 0) {
			effective = Math.max(0, should.size() + minimumShouldMatch);
		}
		else {
			effective = Math.min(minimumShouldMatch, should.size());
		}
		return new Bool(must, filter, should, mustNot, effective);
	}

	@Override
	public boolean matches(Map<String, ?> attributes) {
		return all(this.filter, attributes) && all(this.must, attributes) && none(this.mustNot, attributes)
				&& enoughShould(attributes);
	}

	private static boolean all(List<Filter> clauses, Map<String, ?> attributes) {
		for (int i = 0; i < clauses.size(); i++) {
			if (!clauses.get(i).matches(attributes)) {
				return false;
			}
		}
		return true;
	}

	private static boolean none(List<Filter> clauses, Map<String, ?> attributes) {
		for (int i = 0; i < clauses.size(); i++) {
			if (clauses.get(i).matches(attributes)) {
				return false;
			}
		}
		return true;
	}

	private boolean enoughShould(Map<String, ?> attributes) {
		int needed = this.minimumShouldMatch;
		int remaining = this.should.size();
		for (int i = 0; i < this.should.size() && needed > 0 && needed <= remaining; i++, remaining--) {
			if (this.should.get(i).matches(attributes)) {
				needed--;
			}
		}
		return needed <= 0;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> clauses = new LinkedHashMap<>();
		putIfPresent(clauses, "must", this.must);
		putIfPresent(clauses, "filter", this.filter);
		putIfPresent(clauses, "should", this.should);
		putIfPresent(clauses, "must_not", this.mustNot);
		if (!this.should.isEmpty()) {
			clauses.put("minimum_should_match", this.minimumShouldMatch);
		}
		return Map.of("bool", Collections.unmodifiableMap(clauses));
	}

	private static void putIfPresent(Map<String, Object> clauses, String name, List<Filter> filters) {
		if (!filters.isEmpty()) {
			List<Map<String, Object>> maps = new ArrayList<>(filters.size());
			filters.forEach((filter) -> maps.add(Objects.requireNonNull(filter).toMap()));
			clauses.put(name, Collections.unmodifiableList(maps));
		}
	}

}
