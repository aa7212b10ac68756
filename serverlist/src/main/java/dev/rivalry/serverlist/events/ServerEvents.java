package dev.rivalry.serverlist.events;

import java.time.Instant;
import java.util.List;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.serverlist.allocation.MatchRecord;
import dev.rivalry.serverlist.server.ServerScripts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The life of one server as its stream sees it: the current state first (with the pending
 * allocation, if any), then each allocation, start, expiry and finally the removal, which
 * ends it.
 *
 * <p>Race-free by order: the watcher is registered (on the instance's pattern subscription,
 * which is always open) before the state is read, so an allocation made between the two is both read and received;
 * versions drop the duplicate. A server that connects after it was allocated therefore gets
 * its pending allocation.
 */
class ServerEvents {

	private static final RedisScript<String> CURRENT = ServerScripts.load("current");

	private final ChannelRouter<ServerMessage> updates;

	private final ServerScripts scripts;

	private final JsonMapper json;

	ServerEvents(ChannelRouter<ServerMessage> updates, ServerScripts scripts, JsonMapper json) {
		this.updates = updates;
		this.scripts = scripts;
		this.json = json;
	}

	/**
	 * @param serverId the server
	 * @return its messages, starting with {@link ServerMessage.Current}; empty when the server is unknown
	 */
	Flux<ServerMessage> follow(String serverId) {
		return Flux.using(() -> this.updates.watch(serverId), (watcher) -> currentThenChanges(serverId, watcher),
				ChannelRouter.Watcher::close)
			.transform(ServerEvents::newerOnly)
			.takeUntil((message) -> message instanceof ServerMessage.Removed);
	}

	/**
	 * The current state, then the changes the watcher buffered since before the read was
	 * sent, and the state read again after each gap in the subscription (pub/sub drops what is
	 * published while it is down): a pending allocation missed then is delivered (servers
	 * take allocations as idempotent per match), a server removed meanwhile ends the stream.
	 */
	private Flux<ServerMessage> currentThenChanges(String serverId, ChannelRouter.Watcher<ServerMessage> watcher) {
		Flux<ServerMessage> afterGaps = this.updates.gaps().concatMap((gap) -> reread(serverId));
		return current(serverId)
			.flatMapMany((current) -> Flux.concat(Mono.just(current), Flux.merge(watcher.messages(), afterGaps)));
	}

	/** A read that fails (Redis away again) is dropped: the reconnection that follows is another gap. */
	private Mono<ServerMessage> reread(String serverId) {
		return current(serverId).defaultIfEmpty(new ServerMessage.Removed(Long.MAX_VALUE))
			.onErrorResume((ex) -> Mono.empty());
	}

	/** The current state, read in one step; an unknown server completes the stream empty. */
	Mono<ServerMessage> current(String serverId) {
		return this.scripts.run(CURRENT, this.scripts.keys().server(serverId), List.of(serverId))
			.filter((reply) -> !"missing".equals(reply))
			.map(this::parseCurrent);
	}

	private ServerMessage parseCurrent(String reply) {
		String[] parts = reply.split("\\|", 3);
		long version = Long.parseLong(parts[0]);
		if (parts.length < 3) {
			return new ServerMessage.Current(version, null);
		}
		return new ServerMessage.Current(version, new ServerMessage.Allocated(version,
				Instant.ofEpochMilli(Long.parseLong(parts[1])), this.json.readValue(parts[2], MatchRecord.class)));
	}

	/** Drops every message not newer than the last one let through. */
	private static Flux<ServerMessage> newerOnly(Flux<ServerMessage> messages) {
		return Flux.defer(() -> {
			long[] last = { -1 };
			return messages.filter((message) -> {
				if (message.version() <= last[0]) {
					return false;
				}
				last[0] = message.version();
				return true;
			});
		});
	}

}
