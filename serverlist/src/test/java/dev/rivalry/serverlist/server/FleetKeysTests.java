package dev.rivalry.serverlist.server;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FleetKeysTests {

	private final FleetKeys fleets = new FleetKeys(
			Map.of("eu-main", "eu-main-key-0123456789", "us-main", "us-main-key-0123456789"));

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(nullValues = "none", value = { "eu-main-key-0123456789, eu-main", "us-main-key-0123456789, us-main",
			"eu-main-key-012345678, none", "eu-main-key-01234567890, none", "EU-MAIN-KEY-0123456789, none",
			"'', none", "none, none" })
	void aKeyNamesItsFleetAndNothingElseDoes(String presented, String fleet) {
		assertThat(this.fleets.fleetOf(presented)).isEqualTo(java.util.Optional.ofNullable(fleet));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "eu-main, true", "us-main, true", "retired, false" })
	void onlyConfiguredFleetsExist(String fleet, boolean exists) {
		assertThat(this.fleets.exists(fleet)).isEqualTo(exists);
	}

}
