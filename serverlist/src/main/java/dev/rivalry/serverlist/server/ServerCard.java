package dev.rivalry.serverlist.server;

import java.util.Map;

/**
 * What allocation needs to know of a {@code READY} server, kept in the ready index of its
 * game and region so that one read gives every candidate.
 *
 * @param id the server's id
 * @param address how players connect to it
 * @param region where it runs
 * @param labels what it offers
 */
public record ServerCard(String id, String address, String region, Map<String, String> labels) {

	public ServerCard {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
	}

}
