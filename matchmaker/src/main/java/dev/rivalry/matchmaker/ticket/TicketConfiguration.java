package dev.rivalry.matchmaker.ticket;

import java.time.Clock;

import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.redis.Sweeper;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.proposal.ProposalStore;
import dev.rivalry.tokens.TokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class TicketConfiguration {

	@Bean
	TicketViews ticketViews(TokenIssuer issuer) {
		return new TicketViews(issuer);
	}

	@Bean
	TicketService ticketService(MatchProfiles profiles, MatchmakerProperties properties, TicketStore tickets,
			ReactiveStringRedisTemplate redis, TicketKeys keys, TicketStream stream, MeterRegistry registry,
			Clock clock, ProposalStore proposals) {
		return new TicketService(profiles, TicketSchema.of(properties.limits(), profiles),
				new TicketRules(properties.identity().partyClaim()), tickets,
				new PlayerClaims(redis, keys, tickets), new IdempotencyKeys(redis, keys), stream,
				new TicketMetrics(registry), clock, proposals);
	}

	@Bean
	TicketAnswers ticketAnswers(TicketService tickets, ProposalStore proposals, MatchProfiles profiles,
			MeterRegistry registry, Clock clock) {
		return new TicketAnswers(tickets, proposals, profiles, new AcceptanceMetrics(registry), clock);
	}

	@Bean
	Sweeper proposalExpiry(ProposalStore proposals, MatchmakerProperties properties) {
		ProposalExpiry expiry = new ProposalExpiry(proposals, properties.expiry().batch());
		return new Sweeper("Proposal deadlines", properties.expiry().interval(), expiry::sweepOnce);
	}

	@Bean
	Sweeper ticketExpiry(TicketStore tickets, MatchmakerProperties properties, MeterRegistry registry) {
		TicketExpiry expiry = new TicketExpiry(tickets, properties.expiry().batch(), registry);
		return new Sweeper("Ticket expiry", properties.expiry().interval(), expiry::sweepOnce);
	}

}
