package dev.rivalry.engine.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.profiles.Profile;
import dev.rivalry.tickets.backfill.BackfillSnapshot;

/**
 * The tickets of one (profile, pool key) that wait to be matched, in the order of their
 * records (their age), and those reserved by a match being written. Not thread safe: its
 * {@link PartitionPool} guards it.
 */
final class Pool {

	/** Replaced when the profile file is reloaded; the matcher reads it without the lock. */
	private volatile Profile profile;

	private final String key;

	private final TreeMap<Long, PoolEntry> waiting = new TreeMap<>();

	private final Map<String, PoolEntry> byId = new HashMap<>();

	private final Map<String, PoolEntry> reserved = new HashMap<>();

	/** Open backfills by id, in the order they were opened. */
	private final Map<String, BackfillEntry> backfills = new LinkedHashMap<>();

	private long matchesFormed;

	private Instant scheduledAt;

	/** When a sweep first found this pool empty, since when nothing entered it; null otherwise. */
	private Instant emptySince;

	private boolean evicted;

	Pool(Profile profile, String key) {
		this.profile = profile;
		this.key = key;
	}

	Profile profile() {
		return this.profile;
	}

	void reprofile(Profile next) {
		this.profile = next;
	}

	String key() {
		return this.key;
	}

	void add(PoolEntry entry) {
		if (this.byId.containsKey(entry.id()) || this.reserved.containsKey(entry.id())) {
			return;
		}
		this.waiting.put(entry.offset(), entry);
		this.byId.put(entry.id(), entry);
		this.emptySince = null;
	}

	/**
	 * Holds a ticket read again while it is in an open proposal: reserved, like the tickets of
	 * a match being written, until the proposal ends.
	 */
	void addReserved(PoolEntry entry) {
		if (this.byId.containsKey(entry.id()) || this.reserved.containsKey(entry.id())) {
			return;
		}
		this.reserved.put(entry.id(), entry);
		this.emptySince = null;
	}

	/** Removes a waiting ticket (cancelled); a reserved one is left to its match's outcome. */
	boolean remove(String ticketId) {
		PoolEntry entry = this.byId.remove(ticketId);
		if (entry != null) {
			this.waiting.remove(entry.offset());
		}
		return entry != null;
	}

	/** The waiting tickets, oldest first. */
	List<PoolTicket> waitingTickets() {
		List<PoolTicket> tickets = new ArrayList<>(this.waiting.size());
		this.waiting.values().forEach((entry) -> tickets.add(entry.ticket()));
		return tickets;
	}

	/**
	 * Moves a proposal's tickets from waiting to reserved, if all of them still wait.
	 * @return whether they were reserved
	 */
	boolean reserve(List<PoolTicket> tickets) {
		for (PoolTicket ticket : tickets) {
			if (!this.byId.containsKey(ticket.id())) {
				return false;
			}
		}
		for (PoolTicket ticket : tickets) {
			PoolEntry entry = this.byId.remove(ticket.id());
			this.waiting.remove(entry.offset());
			this.reserved.put(ticket.id(), entry);
		}
		return true;
	}

	/** The match was written: its tickets leave the pool for good. */
	void formed(List<String> ticketIds) {
		ticketIds.forEach(this.reserved::remove);
		this.matchesFormed++;
	}

	/**
	 * The match was refused: the refused tickets are no longer searching and leave; the
	 * others wait again, in their original order.
	 */
	void refused(List<String> ticketIds, List<String> notSearching) {
		for (String id : ticketIds) {
			PoolEntry entry = this.reserved.remove(id);
			if (entry != null && !notSearching.contains(id)) {
				add(entry);
			}
		}
	}

	/**
	 * Holds an open backfill; one for the same match that was here is replaced (a match has
	 * at most one open backfill, and the newer record is the newer request).
	 */
	void addBackfill(BackfillEntry entry) {
		this.backfills.values().removeIf((held) -> held.matchId().equals(entry.matchId()) && !held.id().equals(entry.id()));
		this.backfills.putIfAbsent(entry.id(), entry);
		this.emptySince = null;
	}

	boolean removeBackfill(String backfillId) {
		return this.backfills.remove(backfillId) != null;
	}

	/**
	 * The backfills that may take tickets now, oldest first; those past their expiry are let
	 * go (their state in Redis says so to whoever reads it; no fill can apply to them).
	 */
	List<BackfillEntry> openBackfills(Instant now) {
		this.backfills.values().removeIf((entry) -> !entry.expiresAt().isAfter(now));
		return this.backfills.values().stream().filter((entry) -> !entry.filling()).toList();
	}

	/** Marks a backfill as being filled and reserves the tickets of the fill, if all still wait. */
	boolean reserveFill(String backfillId, List<PoolTicket> tickets) {
		BackfillEntry entry = this.backfills.get(backfillId);
		if (entry == null || entry.filling() || !reserve(tickets)) {
			return false;
		}
		this.backfills.put(backfillId, entry.filling(true));
		return true;
	}

	/**
	 * A fill was written, refused or found stale: the backfill takes the state read back
	 * (and leaves once it no longer searches), ready for the next fill.
	 * @param backfillId the backfill
	 * @param after its state now, or {@code null} when it is gone
	 */
	void settleBackfill(String backfillId, BackfillSnapshot after) {
		BackfillEntry entry = this.backfills.get(backfillId);
		if (entry == null) {
			return;
		}
		if (after == null || after.state().isTerminal()) {
			this.backfills.remove(backfillId);
		}
		else {
			BackfillSnapshot snapshot = after.isNewerThan(entry.snapshot()) ? after : entry.snapshot();
			this.backfills.put(backfillId, new BackfillEntry(snapshot, entry.offset(), false));
		}
	}

	/** The fill was written: its tickets leave the pool for good. */
	void filled(List<String> ticketIds) {
		ticketIds.forEach(this.reserved::remove);
	}

	/** @return the backfill as last read or written, or {@code null} when it left */
	BackfillSnapshot backfill(String backfillId) {
		BackfillEntry entry = this.backfills.get(backfillId);
		return (entry != null) ? entry.snapshot() : null;
	}

	int backfillCount() {
		return this.backfills.size();
	}

	/** Drops the tickets past their expiry; the matchmaker moves them to EXPIRED. */
	int dropExpired(Instant now) {
		List<PoolEntry> expired = this.waiting.values()
			.stream()
			.filter((entry) -> !entry.expiresAt().isAfter(now))
			.toList();
		expired.forEach((entry) -> remove(entry.id()));
		return expired.size();
	}

	/** When the first waiting ticket expires, so the pool is tried (and cleaned) again then. */
	Optional<Instant> earliestExpiry() {
		return this.waiting.values().stream().map(PoolEntry::expiresAt).min(Instant::compareTo);
	}

	/** The offset of the oldest ticket still here, waiting or reserved. */
	OptionalLong oldestOffset() {
		long oldest = this.waiting.isEmpty() ? Long.MAX_VALUE : this.waiting.firstKey();
		for (PoolEntry entry : this.reserved.values()) {
			oldest = Math.min(oldest, entry.offset());
		}
		for (BackfillEntry entry : this.backfills.values()) {
			oldest = Math.min(oldest, entry.offset());
		}
		return (oldest == Long.MAX_VALUE) ? OptionalLong.empty() : OptionalLong.of(oldest);
	}

	int size() {
		return this.waiting.size() + this.reserved.size();
	}

	Duration oldestWait(Instant now) {
		return this.waiting.isEmpty() ? Duration.ZERO
				: Duration.between(this.waiting.firstEntry().getValue().ticket().enqueuedAt(), now);
	}

	/**
	 * A sweep's look at this pool: whether it has been empty (no ticket waiting, none being
	 * written into a match) since a sweep at least {@code grace} before {@code now}, with
	 * nothing entering it in between. The first sweep that finds it empty starts the wait.
	 */
	boolean emptyFor(Instant now, Duration grace) {
		if (size() > 0 || !this.backfills.isEmpty()) {
			return false;
		}
		if (this.emptySince == null) {
			this.emptySince = now;
		}
		return !now.isBefore(this.emptySince.plus(grace));
	}

	/** Taken out of its partition: whoever still holds it finds it closed. */
	void evict() {
		this.evicted = true;
	}

	boolean isEvicted() {
		return this.evicted;
	}

	long matchesFormed() {
		return this.matchesFormed;
	}

	/**
	 * Notes an attempt at the given time, unless one is already due no later.
	 * @return whether the caller should schedule it
	 */
	boolean scheduleAt(Instant at) {
		if (this.scheduledAt != null && !at.isBefore(this.scheduledAt)) {
			return false;
		}
		this.scheduledAt = at;
		return true;
	}

	/** An attempt is running; any other still pending merely tries again, harmlessly. */
	void clearScheduled() {
		this.scheduledAt = null;
	}

}
