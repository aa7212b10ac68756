package dev.rivalry.serverlist.events;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.redis.SubscriptionProbe;
import dev.rivalry.serverlist.server.ServerScripts;
import dev.rivalry.serverlist.system.ServerlistKeys;
import dev.rivalry.serverlist.system.ServerlistProperties;
import io.lettuce.core.resource.ClientResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * Every server's events, over the instance's one pattern subscription: no per-stream
	 * {@code SUBSCRIBE}, which races when a server reconnects (ADR 0004); with a probe that
	 * finds gaps in it (a reconnection, a probe lost), after which streams read their server
	 * again.
	 */
	@Bean
	ChannelRouter<ServerMessage> serverUpdates(ReactiveRedisMessageListenerContainer channels, ServerlistKeys keys,
			JsonMapper json, ReactiveStringRedisTemplate redis, ClientResources resources,
			ServerlistProperties properties) {
		SubscriptionProbe probe = SubscriptionProbe.onLettuce(redis, keys.eventsPrefix(),
				properties.events().subscriptionProbe(), resources);
		return new ChannelRouter<>(channels, keys.eventsPrefix(), (message) -> ServerMessage.parse(json, message),
				probe);
	}

	@Bean
	ServerEvents serverEvents(ChannelRouter<ServerMessage> serverUpdates, ServerScripts scripts, JsonMapper json) {
		return new ServerEvents(serverUpdates, scripts, json);
	}

}
