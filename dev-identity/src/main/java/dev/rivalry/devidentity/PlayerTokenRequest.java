package dev.rivalry.devidentity;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /v1/players/{id}/token}.
 *
 * @param party the other members of the player's party, who agreed to queue with it (the
 * token's {@code party} claim); none or empty for a solo player
 */
record PlayerTokenRequest(@Size(max = 100) List<@NotNull @Pattern(regexp = TokenController.ID,
		message = TokenController.ID_MESSAGE) String> party) {

	/** @return the party, empty when none was given */
	List<String> members() {
		return (this.party != null) ? this.party : List.of();
	}

}
