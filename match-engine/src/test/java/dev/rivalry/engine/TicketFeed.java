package dev.rivalry.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.RatingKeys;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.testsupport.redis.RedisConnections;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketMessage;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillOutcome;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tickets.proposal.ProposalStore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;


/**
 * Creates tickets exactly as the matchmaker does: stored {@code SEARCHING} in Redis, then
 * published to the profile's topic keyed by the pool, acknowledged by all replicas.
 */
public final class TicketFeed implements AutoCloseable {

	private final RedisConnections redis = RedisConnections.open("");

	private final TicketStore store;

	private final BackfillStore backfills;

	private final TicketCodec codec = new TicketCodec(JsonMapper.builder().build());

	private final KafkaProducer<byte[], byte[]> producer;

	public TicketFeed() {
		this.store = new TicketStore(this.redis.template(), new TicketKeys(this.redis.keyPrefix()), this.codec,
				Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofMinutes(30));
		this.backfills = new BackfillStore(this.redis.template(), new TicketKeys(this.redis.keyPrefix()), this.codec,
				Clock.systemUTC(), Duration.ofMinutes(30));
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	/** The rating store the engine reads, on this feed's connection. */
	public RatingStore ratings() {
		return new RatingStore(this.redis.template(), new RatingKeys(this.redis.keyPrefix()),
				OpenSkill.Parameters.DEFAULT.initial(), JsonMapper.builder().build(), Clock.systemUTC(), Duration.ofHours(1));
	}

	public TicketStore store() {
		return this.store;
	}

	/** Proposals as a matchmaker answers them for its players. */
	public ProposalStore proposals() {
		return new ProposalStore(this.redis.template(), new TicketKeys(this.redis.keyPrefix()), this.codec,
				Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofMinutes(30));
	}

	/** A one-player ticket in a duel pool. */
	public Ticket create(String region) {
		return create("duel", region, "p-" + UUID.randomUUID());
	}

	/** A one-player ticket of a profile whose filter is {@code mode: <profile>}. */
	public Ticket create(String profile, String region, String playerId) {
		Instant now = Instant.now();
		Ticket ticket = new Ticket(TicketIds.newId(profile, region), profile, region,
				List.of(new Ticket.Player(playerId)), Map.of("mode", profile, "region", region), Map.of(),
				now, now.plus(Duration.ofMinutes(10)));
		this.store.create(ticket).block();
		send(ticket.profile(), region, new TicketMessage.Created(ticket));
		return ticket;
	}

	/** A party ticket of several players. */
	public Ticket createParty(String profile, String region, String... playerIds) {
		Instant now = Instant.now();
		Ticket ticket = new Ticket(TicketIds.newId(profile, region), profile, region,
				java.util.Arrays.stream(playerIds).map(Ticket.Player::new).toList(), Map.of("mode", profile, "region", region),
				Map.of(), now, now.plus(Duration.ofMinutes(10)));
		this.store.create(ticket).block();
		send(ticket.profile(), region, new TicketMessage.Created(ticket));
		return ticket;
	}

	public BackfillStore backfills() {
		return this.backfills;
	}

	/**
	 * Opens a backfill for a match exactly as the matchmaker does: stored, then published on
	 * the match's profile stream keyed by its pool.
	 */
	public BackfillSnapshot openBackfill(Match match, Duration ttl, Backfill.Slot... slots) {
		Instant now = Instant.now();
		Backfill backfill = new Backfill(BackfillStore.newId(match.id()), match.id(), match.profile(), match.pool(),
				"server-1", List.of(slots), match.rating(), match.region(), now, now.plus(ttl));
		BackfillOutcome outcome = this.backfills.open(backfill).block();
		send(match.profile(), match.pool(), new TicketMessage.BackfillOpened(backfill));
		return ((BackfillOutcome.Applied) outcome).snapshot();
	}

	/** Cancels a backfill as the matchmaker does: ended in Redis, then a closing record. */
	public BackfillOutcome cancelBackfill(BackfillSnapshot backfill) {
		BackfillOutcome outcome = this.backfills.end(backfill.backfill(), BackfillState.CANCELLED).block();
		send(backfill.backfill().profile(), backfill.backfill().pool(),
				new TicketMessage.BackfillClosed(backfill.id()));
		return outcome;
	}

	public BackfillSnapshot findBackfill(String backfillId) {
		return this.backfills.find(backfillId).block();
	}

	public Match findMatch(String matchId) {
		return this.store.findMatch(matchId).block();
	}

	public void cancel(Ticket ticket) {
		this.store.cancel(ticket.id()).block();
		send(ticket.profile(), ticket.pool(), new TicketMessage.Cancelled(ticket.id()));
	}

	public TicketSnapshot find(String ticketId) {
		return this.store.find(ticketId).block();
	}

	private void send(String profile, String pool, TicketMessage message) {
		try {
			this.producer.send(new ProducerRecord<>("rivalry.tickets." + profile, pool.getBytes(StandardCharsets.UTF_8),
					this.codec.encode(message).getBytes(StandardCharsets.UTF_8))).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
		this.redis.close();
	}

}
