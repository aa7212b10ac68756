package dev.rivalry.profiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.yaml.snakeyaml.nodes.Node;

/**
 * The checks shared by rating and latency expansions, read in order: the first step
 * applies from 0s ({@code after} may be left out there), each later one strictly later,
 * and the bound never narrows.
 */
final class Steps {

	private final Context context;

	private Duration previousAfter;

	private Number previousNumber;

	private Duration previousDuration;

	Steps(Context context) {
		this.context = context;
	}

	/**
	 * Reads a list of steps in order, each a mapping of {@code after} and one bound that
	 * widens; a step with a problem is reported and left out.
	 * @param items the list's items
	 * @param field how problems name the list
	 * @param boundKey the bound's key in each step
	 * @param context where problems are reported
	 * @param bound reads the bound, checking it against the previous step's
	 * @param step makes a step of its {@code after} and its bound
	 */
	static <B, T> List<T> read(List<Node> items, String field, String boundKey, Context context, Bound<B> bound,
			BiFunction<Duration, B, T> step) {
		List<T> read = new ArrayList<>();
		Steps steps = new Steps(context);
		for (int i = 0; i < items.size(); i++) {
			MappingReader item = MappingReader.read(items.get(i), field + "[" + i + "]", context,
					List.of("after", boundKey));
			if (item == null) {
				continue;
			}
			// after, then the bound: problems are reported in the order they stand in the step
			Duration after = steps.after(item, i);
			B value = bound.read(steps, item, boundKey);
			if (after != null && value != null) {
				read.add(step.apply(after, value));
			}
		}
		return read;
	}

	/** @return the step's {@code after}, or null when a problem was reported */
	Duration after(MappingReader item, int index) {
		Node node = item.get("after");
		if (node == null && index == 0) {
			this.previousAfter = Duration.ZERO;
			return Duration.ZERO;
		}
		node = item.require("after");
		Duration after = (node != null) ? Nodes.duration(node, item.field("after"), this.context, false) : null;
		if (after == null) {
			return null;
		}
		if (index == 0 && !after.isZero()) {
			this.context.error(node, item.field("after"), "must be 0s: the first step applies from the start");
			return null;
		}
		if (this.previousAfter != null && index > 0 && after.compareTo(this.previousAfter) <= 0) {
			this.context.error(node, item.field("after"), "must be later than the previous step's after ("
					+ Durations.format(this.previousAfter) + ")");
			return null;
		}
		this.previousAfter = after;
		return after;
	}

	/** @return a finite number, zero or more, not below the previous step's; or null */
	Number widening(MappingReader item, String key) {
		Node node = item.require(key);
		Number value = (node != null) ? Nodes.number(node, item.field(key), this.context) : null;
		if (value == null) {
			return null;
		}
		double number = value.doubleValue();
		if (number < 0 || Double.isInfinite(number)) {
			this.context.error(node, item.field(key), "must be a finite number >= 0, not " + value);
			return null;
		}
		if (this.previousNumber != null && number < this.previousNumber.doubleValue()) {
			narrowing(node, item.field(key), this.previousNumber.toString());
			return null;
		}
		this.previousNumber = value;
		return value;
	}

	/** @return a positive duration, not below the previous step's; or null */
	Duration widening(MappingReader item, String key, boolean bareMillis) {
		Node node = item.require(key);
		Duration value = (node != null) ? Nodes.duration(node, item.field(key), this.context, bareMillis) : null;
		if (value == null) {
			return null;
		}
		if (value.isZero()) {
			this.context.error(node, item.field(key), "must be positive");
			return null;
		}
		if (this.previousDuration != null && value.compareTo(this.previousDuration) < 0) {
			narrowing(node, item.field(key), Durations.format(this.previousDuration));
			return null;
		}
		this.previousDuration = value;
		return value;
	}

	/** One of the {@code widening} checks. */
	@FunctionalInterface
	interface Bound<B> {

		/** @return the bound, or null when a problem was reported */
		B read(Steps steps, MappingReader item, String key);

	}

	private void narrowing(Node node, String field, String previous) {
		this.context.error(node, field, "must not be below the previous step's (" + previous + "): steps only widen");
	}

}
