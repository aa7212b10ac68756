package dev.rivalry.web;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTests {

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(nullValues = "none", value = { "Bearer abc, abc", "bearer abc, abc", "BEARER  abc , abc",
			"Bearer, none", "'Bearer ', none", "'Bearer   ', none", "Basic abc, none", "abc, none", "none, none",
			"Bearerabc, none" })
	void theCredentialIsWhatFollowsTheBearerScheme(String header, String credential) {
		assertThat(BearerTokens.of(header)).isEqualTo(Optional.ofNullable(credential));
	}

}
