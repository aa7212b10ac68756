package dev.rivalry.bench.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from zero whose step is 1, 2 or 5 times a power of ten, so that tick
 * labels are round numbers a reader can interpolate between.
 *
 * @param step the distance between ticks
 * @param max the axis' end, a whole number of steps
 */
record NiceScale(double step, double max) {

	/**
	 * @param largest the largest value to show
	 * @param aboutTicks roughly how many steps the axis should have
	 * @return the smallest round scale that shows it
	 */
	static NiceScale covering(double largest, int aboutTicks) {
		if (!(largest > 0) || Double.isInfinite(largest)) {
			// Nothing (or nothing sensible) to show: a unit axis still draws.
			return new NiceScale(1, 1);
		}
		double rough = largest / aboutTicks;
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double residual = rough / magnitude;
		double step = magnitude * ((residual <= 1) ? 1 : (residual <= 2) ? 2 : (residual <= 5) ? 5 : 10);
		return new NiceScale(step, Math.ceil(largest / step) * step);
	}

	/** @return the tick values, from zero to {@link #max()} */
	List<Double> ticks() {
		List<Double> ticks = new ArrayList<>();
		long steps = Math.round(this.max / this.step);
		for (long i = 0; i <= steps; i++) {
			// Multiplying, not adding, so rounding errors do not accumulate along the axis.
			ticks.add(i * this.step);
		}
		return ticks;
	}

	/**
	 * @param tick one of {@link #ticks()}
	 * @return its label, with as many decimals as the step needs and no more
	 */
	String label(double tick) {
		int decimals = (int) Math.max(0, -Math.floor(Math.log10(this.step)));
		return String.format(Locale.ROOT, "%,." + decimals + "f", tick);
	}

}
