package dev.rivalry.tokens;

/**
 * The names the parties go by in the {@code iss} and {@code aud} claims.
 *
 * @param matchmaker the matchmaker's name, never blank
 * @param serverlist the serverlist's name, never blank and not the matchmaker's
 */
public record PartyNames(String matchmaker, String serverlist) {

	public PartyNames {
		Preconditions.text(matchmaker, "matchmaker name");
		Preconditions.text(serverlist, "serverlist name");
		if (matchmaker.equals(serverlist)) {
			throw new IllegalArgumentException("the matchmaker and the serverlist need different names");
		}
	}

	/** @return {@code matchmaker} and {@code serverlist} */
	public static PartyNames defaults() {
		return new PartyNames("matchmaker", "serverlist");
	}

	/**
	 * @param party a party
	 * @return its configured name
	 */
	public String nameOf(Party party) {
		return switch (party) {
			case MATCHMAKER -> this.matchmaker;
			case SERVERLIST -> this.serverlist;
		};
	}

}
