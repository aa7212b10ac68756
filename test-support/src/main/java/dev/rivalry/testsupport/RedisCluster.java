package dev.rivalry.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A Redis Cluster of primaries only, each a {@code redis-server} child process on a free
 * loopback port, the 16,384 slots split evenly, formed with {@code CLUSTER ADDSLOTSRANGE} and
 * {@code CLUSTER MEET}. Made by {@link TestRedis#cluster()}; stopped at JVM exit. No
 * replicas: it proves that every multi-key command stays in one slot and that pub/sub works
 * across nodes, not failover.
 */
public final class RedisCluster {

	private static final int SLOTS = 16384;

	private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

	private final List<RedisServerProcess> nodes;

	private final String keyPrefix;

	private RedisCluster(List<RedisServerProcess> nodes, String keyPrefix) {
		this.nodes = nodes;
		this.keyPrefix = keyPrefix;
	}

	static RedisCluster start(Path binary, int primaries, String keyPrefix) {
		List<RedisServerProcess> nodes = new ArrayList<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < primaries; i++) {
			int index = i;
			nodes.add((RedisServerProcess) LocalRedis.startOnFreePort((port) -> new RedisServerProcess(binary, port,
					List.of("--cluster-enabled", "yes", "--cluster-config-file",
							"rivalry-cluster-" + run + "-" + index + "-" + port + ".conf", "--cluster-node-timeout", "5000"))));
		}
		RedisCluster cluster = new RedisCluster(nodes, keyPrefix);
		cluster.form();
		return cluster;
	}

	/** {@code host:port} of every node. */
	public List<String> nodes() {
		return this.nodes.stream().map((node) -> LocalRedis.HOST + ":" + node.port()).toList();
	}

	/** The key prefix tests put in front of their keys. */
	public String keyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * The Spring properties that point an application at this cluster:
	 * {@code spring.data.redis.cluster.nodes} and {@value RedisEndpoint#KEY_PREFIX_PROPERTY}.
	 */
	public Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.cluster.nodes", String.join(",", nodes()));
		properties.put(RedisEndpoint.KEY_PREFIX_PROPERTY, this.keyPrefix);
		return properties;
	}

	void stop() {
		this.nodes.forEach(RedisServerProcess::stop);
	}

	private void form() {
		int perNode = SLOTS / this.nodes.size();
		for (int i = 0; i < this.nodes.size(); i++) {
			int first = i * perNode;
			int last = (i == this.nodes.size() - 1) ? SLOTS - 1 : first + perNode - 1;
			int port = this.nodes.get(i).port();
			onNode(port, (redis) -> redis.sync().clusterAddSlotsRange(Range.create(first, last)));
			if (i > 0) {
				onNode(this.nodes.get(0).port(), (redis) -> redis.sync().clusterMeet(LocalRedis.HOST, port));
			}
		}
		long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
		while (!isFormed()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The Redis Cluster on " + nodes() + " did not form within "
						+ FORM_TIMEOUT.toSeconds() + " s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while forming the cluster", ex);
			}
		}
	}

	/** Every node says the cluster is ok and knows every other node. */
	private boolean isFormed() {
		return this.nodes.stream().allMatch((node) -> onNode(node.port(), (redis) -> {
			String info = redis.sync().clusterInfo();
			String known = redis.sync().clusterNodes();
			return info.contains("cluster_state:ok")
					&& known.lines().filter((line) -> !line.isBlank()).count() == this.nodes.size();
		}));
	}

	private static <T> T onNode(int port, java.util.function.Function<StatefulRedisConnection<String, String>, T> action) {
		try (RedisClient client = RedisClient.create(RedisURI.create(LocalRedis.HOST, port));
				StatefulRedisConnection<String, String> connection = client.connect()) {
			return action.apply(connection);
		}
	}

	@Override
	public String toString() {
		return "RedisCluster" + this.nodes.stream().map((node) -> Integer.toString(node.port()))
			.collect(Collectors.joining(",", "[", "]"));
	}

}
