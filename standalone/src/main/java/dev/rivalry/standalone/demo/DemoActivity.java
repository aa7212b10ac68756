package dev.rivalry.standalone.demo;

/**
 * What the demo traffic did so far.
 *
 * @param tickets tickets the bots queued
 * @param matched tickets that were matched
 * @param reported matches whose results the simulated servers reported and the
 * matchmaker accepted
 * @param reportsFailed reports the matchmaker refused or did not answer
 * @param backfills backfills the simulated servers opened for players who left early
 * @param joinedByBackfill tickets matched into running matches by those backfills
 * @param proposals matches proposed to arena bots (one per bot and proposal)
 * @param accepted proposals the bots accepted
 * @param declined proposals the bots declined (the others they let time out)
 */
public record DemoActivity(long tickets, long matched, long reported, long reportsFailed, long backfills,
		long joinedByBackfill, long proposals, long accepted, long declined) {

	@Override
	public String toString() {
		return this.tickets + " tickets queued, " + this.matched + " matched, " + this.reported + " results reported, "
				+ this.backfills + " backfills opened, " + this.joinedByBackfill + " joined by backfill, "
				+ this.proposals + " proposals (" + this.accepted + " accepted, " + this.declined + " declined)"
				+ ((this.reportsFailed > 0) ? ", " + this.reportsFailed + " reports failed" : "");
	}

}
