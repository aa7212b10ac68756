package dev.rivalry.serverlist.events;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.serverlist.server.ServerScripts;
import dev.rivalry.serverlist.system.ServerlistKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * Every server's events, over the instance's one pattern subscription: no per-stream
	 * {@code SUBSCRIBE}, which races when a server reconnects (ADR 0004).
	 */
	@Bean
	ChannelRouter<ServerMessage> serverUpdates(ReactiveRedisMessageListenerContainer channels, ServerlistKeys keys,
			JsonMapper json) {
		return new ChannelRouter<>(channels, keys.eventsPrefix(), (message) -> ServerMessage.parse(json, message));
	}

	@Bean
	ServerEvents serverEvents(ChannelRouter<ServerMessage> serverUpdates, ServerScripts scripts, JsonMapper json) {
		return new ServerEvents(serverUpdates, scripts, json);
	}

}
