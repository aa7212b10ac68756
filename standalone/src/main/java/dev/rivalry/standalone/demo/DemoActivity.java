package dev.rivalry.standalone.demo;

/**
 * What the demo traffic did so far.
 *
 * @param tickets tickets the bots queued
 * @param matched tickets that were matched
 * @param reported matches whose results the simulated servers reported and the
 * matchmaker accepted
 * @param reportsFailed reports the matchmaker refused or did not answer
 */
public record DemoActivity(long tickets, long matched, long reported, long reportsFailed) {

	@Override
	public String toString() {
		return this.tickets + " tickets queued, " + this.matched + " matched, " + this.reported + " results reported"
				+ ((this.reportsFailed > 0) ? ", " + this.reportsFailed + " reports failed" : "");
	}

}
