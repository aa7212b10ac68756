package dev.rivalry.bench.load.report;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One latency distribution, in milliseconds, as HdrHistogram recorded it (in microseconds).
 *
 * @param count values recorded
 * @param mean the mean
 * @param p50 the median
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest value
 * @param distribution percentile → value, for plotting (HdrHistogram's percentile iteration)
 */
public record LatencySummary(long count, double mean, double p50, double p90, double p95, double p99, double p999,
		double max, List<Point> distribution) {

	private static final double MICROS_PER_MILLI = 1000.0;

	/**
	 * @param percentile 0 to 100
	 * @param millis the value at that percentile
	 */
	public record Point(double percentile, double millis) {
	}

	/**
	 * @param histogram values in microseconds
	 * @return its summary
	 */
	public static LatencySummary of(Histogram histogram) {
		List<Point> points = new ArrayList<>();
		if (histogram.getTotalCount() > 0) {
			for (HistogramIterationValue value : histogram.percentiles(5)) {
				points.add(new Point(value.getPercentileLevelIteratedTo(), millis(value.getValueIteratedTo())));
			}
		}
		return new LatencySummary(histogram.getTotalCount(), histogram.getMean() / MICROS_PER_MILLI,
				at(histogram, 50), at(histogram, 90), at(histogram, 95), at(histogram, 99), at(histogram, 99.9),
				millis(histogram.getMaxValue()), List.copyOf(points));
	}

	private static double at(Histogram histogram, double percentile) {
		return millis(histogram.getValueAtPercentile(percentile));
	}

	private static double millis(long micros) {
		return micros / MICROS_PER_MILLI;
	}

}
