package dev.rivalry.engine.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;

/**
 * Hands a reloaded profile file to the pools this engine owns: each partition of a changed
 * profile takes the new version, with its waiting tickets, from its next matching round. A
 * profile that left the file keeps its last version here, so its waiting tickets still match
 * or expire (its topic gets no new ticket: the matchmakers read the same file).
 */
final class PoolReprofiling {

	private static final Logger logger = LoggerFactory.getLogger(PoolReprofiling.class);

	private final PoolRegistry registry;

	PoolReprofiling(PoolRegistry registry) {
		this.registry = registry;
	}

	/** @param next the version now in force */
	void apply(MatchProfiles next) {
		for (PartitionPool partition : this.registry.all()) {
			Profile current = partition.profile();
			next.byName(current.name()).ifPresentOrElse((updated) -> {
				if (!updated.equals(current)) {
					partition.reprofile(updated);
					logger.info("Partition {}-{} now matches with the new version of profile {}", partition.topic(),
							partition.partition(), current.name());
				}
			}, () -> logger.warn("Profile {} left the profile file: partition {}-{} keeps its last version until its "
					+ "tickets are matched or expire", current.name(), partition.topic(), partition.partition()));
		}
	}

}
