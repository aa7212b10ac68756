package dev.rivalry.serverlist.allocation;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.rivalry.serverlist.server.ServerCard;

/**
 * Which servers fit a match, best first: a pure function, no I/O and no clock.
 *
 * <p>A server fits when it runs in the requested region (any, when none is requested) and
 * has every requested label with the requested value. The game is already fixed by the
 * index the candidates come from. Fitting servers are ranked by rendezvous hashing of
 * (match, server): the same match always prefers the same servers, and different matches
 * prefer different ones, so concurrent allocations rarely contend for one server. Servers
 * the request avoids (they let this match expire before) come last.
 */
final class ServerChoice {

	private ServerChoice() {
	}

	/**
	 * @param request what the match needs
	 * @param candidates the servers that were {@code READY} for the request's game
	 * @return the fitting candidates, best first
	 */
	static List<ServerCard> choose(AllocationRequest request, List<ServerCard> candidates) {
		Comparator<ServerCard> avoidedLast = Comparator.comparing((card) -> request.avoid().contains(card.id()));
		Comparator<ServerCard> byRendezvous = Comparator.comparingLong(
				(ServerCard card) -> rendezvous(request.matchId(), card.id())).reversed();
		return candidates.stream()
			.filter((card) -> fits(request, card))
			.sorted(avoidedLast.thenComparing(byRendezvous).thenComparing(ServerCard::id))
			.toList();
	}

	static boolean fits(AllocationRequest request, ServerCard card) {
		if (request.region() != null && !request.region().equals(card.region())) {
			return false;
		}
		for (Map.Entry<String, String> label : request.labels().entrySet()) {
			if (!label.getValue().equals(card.labels().get(label.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/** FNV-1a over both ids, then the splitmix64 finaliser: cheap, stable, well spread. */
	static long rendezvous(String matchId, String serverId) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : (matchId + '\n' + serverId).getBytes(StandardCharsets.UTF_8)) {
			hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
		}
		hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
		hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
		return hash ^ (hash >>> 31);
	}

}
