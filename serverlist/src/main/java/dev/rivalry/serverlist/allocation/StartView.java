package dev.rivalry.serverlist.allocation;

/**
 * The answer to {@code POST /v1/servers/{id}/matches/{matchId}/started}.
 *
 * @param reportToken the server's report token for the match: {@code Authorization: Bearer}
 * for posting its results to the matchmaker (one result per match is accepted)
 */
public record StartView(String reportToken) {

	@Override
	public String toString() {
		return "StartView[reportToken=…]";
	}

}
