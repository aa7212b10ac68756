package dev.rivalry.standalone;

import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.testsupport.TestRedis;

/**
 * The whole loop ({@link FullLoop}) on a Redis Cluster of three primaries, started by
 * test-support on local ports: every multi-key script touches keys of one slot only — a
 * pool's tickets and match, a match and its result, a player's ratings, the serverlist's
 * keys — and the one pattern subscription hears what the scripts publish on any node.
 * Where no {@code redis-server} is on the {@code PATH}, the nodes run the one embedded-redis
 * ships.
 */
class RedisClusterEndToEndTests extends FullLoop {

	@Override
	Services newServices() {
		return new Services("e2e-redis-cluster", TestKafka.bootstrapServers(), TestRedis.cluster().springProperties());
	}

}
