package dev.rivalry.engine.system;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The match engine's settings ({@code rivalry.engine.*}). Profiles, tokens and the Redis
 * key layout have their own prefixes in the shared modules.
 *
 * @param idleCommitInterval how often, while no records arrive, the low-water marks are
 * committed (so matches formed since the last batch shorten a successor's replay)
 * @param retryBackoff how long a batch that could not be applied (Redis unreachable) waits
 * before it is applied again; it is never skipped
 * @param poolEviction when empty pools are freed
 * @param group how the engines of one consumer group share the partitions and notice a dead one
 * @param profiles the profiles whose topics this engine consumes (the operator starts one
 * engine Deployment per profile); empty for every profile of the file
 * @param sendThreads formed matches handed to the Kafka producer at once at most
 * (on threads of the publisher's own, because the hand-over blocks while the broker is away;
 * the acknowledgement comes back through the producer's callback); more wait in a queue
 * @param acknowledgementTimeout how long a formed match's record waits for its acknowledgement at most
 * before it is counted unpublished: a backstop above the producer's {@code delivery.timeout.ms} (its default, 120 s)
 */
@Validated
@ConfigurationProperties("rivalry.engine")
public record EngineProperties(@DefaultValue("1s") @NotNull Duration idleCommitInterval,
		@DefaultValue("1s") @NotNull Duration retryBackoff, @DefaultValue @Valid PoolEviction poolEviction,
		@DefaultValue @Valid Group group,
		@DefaultValue List<@Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$") String> profiles,
		@DefaultValue("16") @Min(1) @Max(1024) int sendThreads, @DefaultValue("130s") @NotNull Duration acknowledgementTimeout) {

	/**
	 * A pool exists for every pool key a ticket brought (a region, say); one that nobody
	 * waits in is evicted after a grace period, so that keys seen once do not stay in memory,
	 * in {@code GET /v1/pools} and on the dashboard for ever. A ticket arriving later creates
	 * the pool again; only its count of matches formed starts over.
	 *
	 * @param grace how long a pool stays empty (no ticket waiting, none being written into a
	 * match) before it is evicted: long enough that a pool between two bursts keeps its
	 * figures, short enough that junk keys go soon
	 * @param interval how often the pools are looked at; a pool goes between {@code grace}
	 * and {@code grace + interval} after it emptied
	 */
	public record PoolEviction(@DefaultValue("2m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration grace,
			@DefaultValue("15s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration interval) {
	}

	/**
	 * The consumer group of the engines (docs/reliability.md, ADR 0012). Both protocols are
	 * incremental: partitions that do not move keep their pools and keep matching through a
	 * rebalance, and a stopping engine leaves the group at once.
	 *
	 * @param protocol {@code classic} (cooperative-sticky assignment, failure detection set
	 * here, works with any broker's defaults) or {@code consumer} (Kafka 4's protocol, KIP-848:
	 * the broker assigns and its group settings decide the session timeout, 45 s unless the
	 * broker's {@code group.consumer.session.timeout.ms} and minimum are lowered)
	 * @param sessionTimeout ({@code classic}) how long a silent engine keeps its partitions:
	 * most of the failover time after a {@code kill -9}; the broker accepts 6 s at least by
	 * default ({@code group.min.session.timeout.ms})
	 * @param heartbeatInterval ({@code classic}) how often an engine tells the broker it lives,
	 * and how soon it learns of a rebalance; at most a third of the session timeout
	 */
	public record Group(@DefaultValue("classic") @NotNull GroupProtocol protocol,
			@DefaultValue("6s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 30) Duration sessionTimeout,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration heartbeatInterval) {

		@AssertTrue(message = "must be at most a third of the session timeout")
		public boolean isHeartbeatInterval() {
			return this.heartbeatInterval == null || this.sessionTimeout == null
					|| this.heartbeatInterval.multipliedBy(3).compareTo(this.sessionTimeout) <= 0;
		}

	}

	/** The consumer group protocols an engine can use. */
	public enum GroupProtocol {

		/** The classic protocol with the cooperative-sticky assignor (incremental rebalances). */
		CLASSIC,

		/** Kafka 4's consumer group protocol (KIP-848): server-side, incremental assignment. */
		CONSUMER

	}

}
