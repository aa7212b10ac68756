package dev.rivalry.ratings.autoconfigure;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.rivalry.ratings.OpenSkill;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rating model and the readers' cache ({@code rivalry.ratings.*}), shared by the
 * matchmaker (which writes ratings) and the match engine (which reads them): both must
 * agree on the defaults, so they are configured in one place. See docs/ratings.md before
 * changing the model: the profiles' rating spreads are in the unit of {@code mu}.
 *
 * @param mu a new player's rating
 * @param sigma a new player's uncertainty
 * @param beta the spread of one performance around the skill
 * @param tau the uncertainty added before each match
 * @param cache the match engine's cache of ratings
 */
@Validated
@ConfigurationProperties("rivalry.ratings")
public record RatingsProperties(@DefaultValue("1500") double mu,
		@DefaultValue("500") @DecimalMin(value = "0", inclusive = false) double sigma,
		@DefaultValue("250") @DecimalMin(value = "0", inclusive = false) double beta,
		@DefaultValue("5") @DecimalMin("0") double tau, @DefaultValue @Valid Cache cache) {

	/** @return the OpenSkill parameters these settings describe */
	public OpenSkill.Parameters parameters() {
		return new OpenSkill.Parameters(this.mu, this.sigma, this.beta, this.tau, OpenSkill.Parameters.DEFAULT.kappa());
	}

	/**
	 * A reader's cache of ratings. Entries are dropped when the rating changes (announced
	 * over Redis pub/sub) and, as a backstop for announcements lost while the subscription
	 * was down, after {@code ttl}.
	 *
	 * @param ttl how long a rating read is used at most
	 * @param maxEntries ratings cached at most; beyond, the cache starts again empty
	 */
	public record Cache(@DefaultValue("60s") @NotNull Duration ttl,
			@DefaultValue("100000") @Min(0) @Max(10_000_000) int maxEntries) {
	}

}
