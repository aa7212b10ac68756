package dev.rivalry.tickets;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketIdsTests {

	@Test
	void idsOfOnePoolShareTheirHashTag() {
		String a = TicketIds.newId("duel", "eu");
		String b = TicketIds.newId("duel", "eu");
		assertThat(a).isNotEqualTo(b);
		assertThat(TicketIds.tagOf(a)).contains(TicketIds.tagOf("duel", "eu")).isEqualTo(TicketIds.tagOf(b));
	}

	@Test
	void poolsOfOneProfileGetDifferentTags() {
		assertThat(TicketIds.tagOf("duel", "eu")).isNotEqualTo(TicketIds.tagOf("duel", "us"));
		assertThat(TicketIds.tagOf("duel", "eu")).isNotEqualTo(TicketIds.tagOf("squad", "eu"));
	}

	@Test
	void newIdsAreWellFormedAndDistinct() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = TicketIds.newId("duel", "eu");
			assertThat(TicketIds.isWellFormed(id)).as(id).isTrue();
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "nope", "0000000-00000000000000000000000000", "0000000g-00000000000000000000000000",
			"00000000-0000000000000000000000000", "00000000-000000000000000000000000000", "{0000000}-aaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void malformedIdsHaveNoTag(String id) {
		assertThat(TicketIds.tagOf(id)).isEmpty();
	}

	@Test
	void aTicketKeyCarriesTheTagInBraces() {
		String id = TicketIds.newId("duel", "eu");
		assertThat(new TicketKeys("p:").ticket(id)).isEqualTo("p:t:{" + TicketIds.tagOf("duel", "eu") + "}:" + id);
	}

}
