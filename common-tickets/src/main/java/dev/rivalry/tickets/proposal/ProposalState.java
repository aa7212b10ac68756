package dev.rivalry.tickets.proposal;

/**
 * The states of a proposed match. {@code OPEN} while its players answer; it ends
 * {@code ACCEPTED} (every ticket {@code MATCHED}) or {@code DROPPED} (a decline or the
 * deadline: each ticket back to {@code SEARCHING} or {@code CANCELLED}).
 */
public enum ProposalState {

	OPEN, ACCEPTED, DROPPED

}
