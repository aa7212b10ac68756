package dev.rivalry.standalone.demo;

import java.util.concurrent.atomic.AtomicLong;

/** The demo's counts, bumped by bots and servers. Thread safe. */
final class DemoCounters {

	private final AtomicLong tickets = new AtomicLong();

	private final AtomicLong matched = new AtomicLong();

	private final AtomicLong reported = new AtomicLong();

	private final AtomicLong reportsFailed = new AtomicLong();

	private final AtomicLong backfills = new AtomicLong();

	private final AtomicLong joinedByBackfill = new AtomicLong();

	void queued() {
		this.tickets.incrementAndGet();
	}

	void matched() {
		this.matched.incrementAndGet();
	}

	void reported() {
		this.reported.incrementAndGet();
	}

	void reportFailed() {
		this.reportsFailed.incrementAndGet();
	}

	void backfillOpened() {
		this.backfills.incrementAndGet();
	}

	private final AtomicLong proposals = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong declined = new AtomicLong();

	/** A bot was proposed a match and answered it (accept, decline) or let it time out (null). */
	void proposed(String answer) {
		this.proposals.incrementAndGet();
		if ("accept".equals(answer)) {
			this.accepted.incrementAndGet();
		}
		else if ("decline".equals(answer)) {
			this.declined.incrementAndGet();
		}
	}

	void joinedByBackfill() {
		this.joinedByBackfill.incrementAndGet();
	}

	DemoActivity activity() {
		return new DemoActivity(this.tickets.get(), this.matched.get(), this.reported.get(), this.reportsFailed.get(),
				this.backfills.get(), this.joinedByBackfill.get(), this.proposals.get(), this.accepted.get(),
				this.declined.get());
	}

}
