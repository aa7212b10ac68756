package dev.rivalry.tokens;

/**
 * The claims of a server credential ({@code rivalry-server+jwt}): the serverlist issues one
 * to each game server it registers, and the server presents it on its later calls.
 *
 * @param serverId the registered server's id (the {@code sub}), never blank
 * @param fleet the fleet the server registered with ({@code fleet}), never blank
 */
public record ServerClaims(String serverId, String fleet) {

	public ServerClaims {
		Preconditions.text(serverId, "serverId");
		Preconditions.text(fleet, "fleet");
	}

}
