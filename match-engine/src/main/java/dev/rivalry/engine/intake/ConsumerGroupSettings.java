package dev.rivalry.engine.intake;

import java.util.Map;

import dev.rivalry.engine.system.EngineProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;

import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;

/**
 * The ticket consumer's group settings, from {@code rivalry.engine.group} (ADR 0012).
 * <p>
 * Both protocols rebalance incrementally: only the partitions that move are revoked, so an
 * engine keeps matching in the pools it keeps while another joins, leaves or dies (the
 * classic eager protocol revoked every partition of every engine and rebuilt every pool).
 * A stopping engine leaves the group when its consumer closes (no static membership is
 * configured), so its partitions move at once instead of after the session timeout.
 */
class ConsumerGroupSettings implements ConsumerConfigCustomizer {

	static final String BINDING = "tickets-in-0";

	private final EngineProperties.Group group;

	ConsumerGroupSettings(EngineProperties.Group group) {
		this.group = group;
	}

	@Override
	public void configure(Map<String, Object> consumer, String bindingName, String destination) {
		if (!BINDING.equals(bindingName)) {
			return;
		}
		// A static member (group.instance.id) would not leave on close: its partitions would wait.
		consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		if (this.group.protocol() == EngineProperties.GroupProtocol.CONSUMER) {
			consumer.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
			// The broker assigns and times sessions out under this protocol; the client refuses these.
			consumer.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
			consumer.remove(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
			consumer.remove(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
			return;
		}
		consumer.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
		// Incremental: partitions that stay are never revoked, so their pools keep matching.
		consumer.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		// A dead engine's partitions move after this silence (45 s by default: the stall of issue 16).
		consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) this.group.sessionTimeout().toMillis());
		// Heartbeats also carry news of a rebalance: the sooner, the shorter a survivor's wait.
		consumer.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) this.group.heartbeatInterval().toMillis());
	}

}
