package dev.rivalry.serverlist.server;

import java.util.Map;

import dev.rivalry.serverlist.system.ServerlistProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/servers}.
 *
 * @param address how players connect, {@code host:port} (IPv6 hosts in brackets, port 1–65535)
 * @param region where the server runs, e.g. {@code eu}
 * @param game the game it runs; absent means the configured default game
 * @param labels what else it offers (map, mode, hardware…), at most 32, matched exactly
 */
public record RegisterServerRequest(
		@NotNull @Pattern(regexp = ADDRESS, message = "must be host:port with a port from 1 to 65535") String address,
		@NotNull @Pattern(regexp = ServerlistProperties.NAME,
				message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String region,
		@Pattern(regexp = ServerlistProperties.NAME, message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String game,
		@Size(max = 32) Map<@Pattern(regexp = ServerlistProperties.NAME,
				message = "label names must be 1 to 64 letters, digits, '.', '_' or '-'") String,
				@NotNull @Size(max = 256) String> labels) {

	/** A host name or IPv4 address, or an IPv6 address in brackets; then a port from 1 to 65535. */
	static final String ADDRESS = "(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)"
			+ ":(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})";

	public RegisterServerRequest {
		labels = (labels != null) ? labels : Map.of();
	}

}
