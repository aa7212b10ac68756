package dev.rivalry.bench.load.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The latency distributions a run records. Every one is measured from the ticket's
 * <em>intended</em> send time (open loop), so a system that falls behind shows it.
 */
public final class LatencyNames {

	/** Intended send time → {@code 201} of {@code POST /v1/tickets}. */
	public static final String CREATE = "create";

	/** Intended send time → the {@code MATCHED} event with the match token on the ticket's stream. */
	public static final String CREATE_TO_TOKEN = "createToToken";

	/** Intended send time → the {@code PROPOSED} event (profiles with acceptance). */
	public static final String CREATE_TO_PROPOSAL = "createToProposal";

	/**
	 * The {@code PROPOSED} event → the {@code MATCHED} event: this player's answer and the
	 * other players' (profiles with acceptance).
	 */
	public static final String PROPOSAL_TO_TOKEN = "proposalToToken";

	/** Intended send time → {@code 200} of {@code POST /v1/allocations} (the allocation token). */
	public static final String CREATE_TO_ALLOCATION = "createToAllocation";

	/** Match token received → allocation token received: the serverlist's part alone. */
	public static final String TOKEN_TO_ALLOCATION = "tokenToAllocation";

	/**
	 * A server's backfill opened ({@code 201}) → its {@code backfill} event: a waiting player
	 * was matched into the running match and took its allocation (with {@code --backfill}).
	 */
	public static final String BACKFILL_TO_FILL = "backfillToFill";

	/** All of the above, in the order reports show them: the order a ticket goes through them. */
	public static final List<String> ALL = List.of(CREATE, CREATE_TO_PROPOSAL, PROPOSAL_TO_TOKEN, CREATE_TO_TOKEN,
			CREATE_TO_ALLOCATION, TOKEN_TO_ALLOCATION, BACKFILL_TO_FILL);

	private LatencyNames() {
	}

	/**
	 * Orders the names a report holds: the known ones as in {@link #ALL}, then any others
	 * alphabetically, so a distribution added later still shows up rather than vanishing.
	 *
	 * @param names the names present
	 * @return the same names, in report order
	 */
	static List<String> inReportOrder(Collection<String> names) {
		List<String> ordered = new ArrayList<>(ALL);
		ordered.retainAll(names);
		names.stream().filter((name) -> !ALL.contains(name)).sorted().forEach(ordered::add);
		return ordered;
	}

}
