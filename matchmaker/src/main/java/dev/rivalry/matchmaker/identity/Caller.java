package dev.rivalry.matchmaker.identity;

import java.util.List;
import java.util.Set;

import dev.rivalry.tickets.Ticket;

/**
 * Who is calling a ticket endpoint, as its bearer token proved: a player, or a trusted game
 * back end acting for players. Every ownership decision is a method here, so the rules of
 * "who may call what" (docs/security.md) live in one place.
 */
public sealed interface Caller {

	/**
	 * Whether the caller may create a ticket for these players.
	 * @return empty when it may; else why not
	 */
	Refusal mayCreate(List<String> playerIds);

	/** Whether the caller may read, follow or cancel the ticket. */
	boolean mayRead(Ticket ticket);

	/** Whether the caller may see this player's own data (its match token, its active ticket's id). */
	boolean actsFor(String playerId);

	/** The scope an idempotency key is remembered in: one caller's keys never collide with another's. */
	String idempotencyScope(List<String> playerIds);

	/**
	 * A player, identified by its identity provider.
	 *
	 * @param id the player id (the token's player claim)
	 * @param party the other players who agreed to queue with this one (the token's party claim)
	 */
	record Player(String id, Set<String> party) implements Caller {

		public Player {
			party = Set.copyOf(party);
		}

		@Override
		public Refusal mayCreate(List<String> playerIds) {
			if (!playerIds.contains(this.id)) {
				return Refusal.NOT_A_PLAYER;
			}
			for (String member : playerIds) {
				if (!member.equals(this.id) && !this.party.contains(member)) {
					return Refusal.PARTY_NOT_AGREED;
				}
			}
			return Refusal.NONE;
		}

		@Override
		public boolean mayRead(Ticket ticket) {
			return ticket.players().stream().anyMatch((player) -> player.id().equals(this.id));
		}

		@Override
		public boolean actsFor(String playerId) {
			return this.id.equals(playerId);
		}

		@Override
		public String idempotencyScope(List<String> playerIds) {
			return this.id;
		}

		@Override
		public String toString() {
			return "Player[" + this.id + "]";
		}

	}

	/**
	 * A game back end with the configured scope (Open Match's "game frontend"): it may act
	 * for any player, so it sees every ticket and every token of a ticket.
	 *
	 * @param clientId the client it authenticated as, for logs
	 */
	record Backend(String clientId) implements Caller {

		@Override
		public Refusal mayCreate(List<String> playerIds) {
			return Refusal.NONE;
		}

		@Override
		public boolean mayRead(Ticket ticket) {
			return true;
		}

		@Override
		public boolean actsFor(String playerId) {
			return true;
		}

		@Override
		public String idempotencyScope(List<String> playerIds) {
			// A slash never appears in a player id, so a back end's keys never meet a player's.
			return "backend/" + this.clientId;
		}

	}

	/** Why a caller may not create a ticket. */
	enum Refusal {

		/** It may. */
		NONE,

		/** The caller is not one of the ticket's players. */
		NOT_A_PLAYER,

		/** A party member is not listed in the caller's party claim. */
		PARTY_NOT_AGREED

	}

}
