package dev.rivalry.tokens;

/**
 * The services that issue tokens or are their fixed audience. Their names in the
 * {@code iss} and {@code aud} claims come from {@link PartyNames}.
 */
public enum Party {

	/** The players' front door; issues match tokens and receives reports. */
	MATCHMAKER,

	/** The game-server registry; issues allocation, report and server tokens. */
	SERVERLIST

}
