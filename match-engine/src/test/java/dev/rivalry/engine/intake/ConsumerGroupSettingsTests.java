package dev.rivalry.engine.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.rivalry.engine.system.EngineProperties;
import dev.rivalry.engine.system.EngineProperties.GroupProtocol;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupSettingsTests {

	@Test
	void theClassicProtocolAssignsCooperativelyAndTimesSessionsOutAsConfigured() {
		Map<String, Object> consumer = configure(GroupProtocol.CLASSIC, "tickets-in-0");
		assertThat(consumer).containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic")
			.containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName())
			.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000)
			.containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000)
			.doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
	}

	@Test
	void theConsumerProtocolLeavesAssignmentAndSessionsToTheBroker() {
		Map<String, Object> consumer = configure(GroupProtocol.CONSUMER, "tickets-in-0");
		assertThat(consumer).containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer")
			.doesNotContainKeys(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
					ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
					ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
	}

	@Test
	void otherBindingsAreLeftAlone() {
		assertThat(configure(GroupProtocol.CLASSIC, "other-in-0")).containsOnlyKeys(
				ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
	}

	private static Map<String, Object> configure(GroupProtocol protocol, String binding) {
		Map<String, Object> consumer = new HashMap<>(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45000,
				ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static"));
		new ConsumerGroupSettings(new EngineProperties.Group(protocol, Duration.ofSeconds(6), Duration.ofSeconds(1)))
			.configure(consumer, binding, "rivalry.tickets.duel");
		return consumer;
	}

}
