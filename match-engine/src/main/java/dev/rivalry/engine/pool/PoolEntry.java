package dev.rivalry.engine.pool;

import java.time.Instant;

import dev.rivalry.engine.strategy.PoolTicket;

/**
 * A ticket in a pool, with the offset of the record that brought it there.
 *
 * @param ticket what the strategies see
 * @param offset the ticket record's offset in its partition
 * @param expiresAt when the ticket expires; the pool drops it then
 */
record PoolEntry(PoolTicket ticket, long offset, Instant expiresAt) {

	String id() {
		return this.ticket.id();
	}

}
