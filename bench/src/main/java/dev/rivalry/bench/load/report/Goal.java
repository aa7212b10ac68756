package dev.rivalry.bench.load.report;

/**
 * A run's latency goal: p99 from intended send time to match token within the profile's
 * batching window plus {@value #MARGIN_MILLIS} ms. The window is waited on purpose; the
 * margin is everything else (matching, signing, the event stream).
 *
 * @param limitMillis the window plus the margin
 * @param createToToken the measured distribution, or {@code null} when the run has none
 */
record Goal(double limitMillis, LatencySummary createToToken) {

	static final long MARGIN_MILLIS = 100;

	/**
	 * @param report a run's report
	 * @return its goal and what it measured against it
	 */
	static Goal of(LoadReport report) {
		return new Goal(report.run().batchWindowMillis() + MARGIN_MILLIS,
				report.latencies().get(LatencyNames.CREATE_TO_TOKEN));
	}

	/** @return whether any ticket got its match token, so that there is a p99 to judge */
	boolean measured() {
		return this.createToToken != null && this.createToToken.count() > 0;
	}

	/** @return whether p99 was within the limit; a run that measured nothing did not meet it */
	boolean met() {
		return measured() && this.createToToken.p99() <= this.limitMillis;
	}

}
