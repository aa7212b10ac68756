package dev.rivalry.testsupport;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The test Redis Cluster: three primaries that cover every slot, keys of every slot served,
 * a message published on any node heard by a subscriber of another.
 */
class RedisClusterTests {

	@Test
	void threePrimariesServeEverySlotAndPubSubCrossesNodes() {
		RedisCluster cluster = TestRedis.cluster();
		assertThat(cluster.nodes()).hasSize(3);
		assertThat(TestRedis.cluster()).isSameAs(cluster);
		List<RedisURI> seeds = cluster.nodes().stream().map((node) -> RedisURI.create("redis://" + node)).toList();
		RedisClusterClient client = RedisClusterClient.create(seeds);
		try (StatefulRedisClusterConnection<String, String> connection = client.connect();
				StatefulRedisClusterPubSubConnection<String, String> subscriber = client.connectPubSub()) {
			List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
			subscriber.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
				@Override
				public void message(String pattern, String channel, String message) {
					heard.add(message);
				}
			});
			subscriber.sync().psubscribe(cluster.keyPrefix() + "channel:*");
			for (String tag : List.of("a", "b", "c", "d", "e", "f")) {
				String key = cluster.keyPrefix() + "{" + tag + "}:k";
				connection.sync().set(key, tag);
				assertThat(connection.sync().get(key)).isEqualTo(tag);
				connection.sync().publish(cluster.keyPrefix() + "channel:{" + tag + "}", tag);
			}
			assertThat(List.of("{a}", "{b}", "{c}", "{d}", "{e}", "{f}").stream().map(SlotHash::getSlot).distinct().count())
				.as("the tags spread over slots").isGreaterThan(1);
			await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 6);
		}
		finally {
			client.shutdown();
		}
	}

}
