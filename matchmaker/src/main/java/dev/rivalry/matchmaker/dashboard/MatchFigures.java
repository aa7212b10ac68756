package dev.rivalry.matchmaker.dashboard;

/**
 * How fast matches form, as one matchmaker instance sees every ticket change.
 *
 * @param perSecond matches formed per second over the last {@value MatchStatistics#RATE_SECONDS}
 * whole seconds
 * @param total matches formed since this instance started
 * @param timeToMatch tickets' waits from creation to match over the last
 * {@value MatchStatistics#WAIT_SECONDS} seconds
 */
record MatchFigures(double perSecond, long total, TimeToMatch timeToMatch) {

	/**
	 * Percentiles of the time from a ticket's creation to its match, in milliseconds; all
	 * zero when no ticket was matched in the window.
	 *
	 * @param count tickets matched in the window
	 * @param p50 median
	 * @param p90 90th percentile
	 * @param p99 99th percentile
	 * @param max longest
	 */
	record TimeToMatch(long count, long p50, long p90, long p99, long max) {
	}

}
