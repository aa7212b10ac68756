package dev.rivalry.matchmaker.ticket;

import dev.rivalry.tickets.proposal.ProposalStore;
import reactor.core.publisher.Mono;

/**
 * Drops proposals past their deadline. Run by a {@link dev.rivalry.redis.Sweeper} on every
 * instance, beside the engines' own deadline timers: the deadline lives in Redis, the drop
 * is one atomic script that applies once, so whichever instance comes first decides and
 * none is special (an engine that crashed mid-proposal costs its players nothing).
 */
class ProposalExpiry {

	private final ProposalStore proposals;

	private final int batch;

	ProposalExpiry(ProposalStore proposals, int batch) {
		this.proposals = proposals;
		this.batch = batch;
	}

	/** @return the number of due proposals this sweep found ended (by it or before) and forgot */
	Mono<Long> sweepOnce() {
		return this.proposals.dueForExpiry(this.batch).flatMap(this::expire, 16).filter(Boolean::booleanValue).count();
	}

	private Mono<Boolean> expire(String proposalId) {
		return this.proposals.expire(proposalId)
			.map((result) -> !result.isOpen())
			.defaultIfEmpty(true)
			.flatMap((ended) -> ended ? this.proposals.forget(proposalId).thenReturn(true) : Mono.just(false));
	}

}
