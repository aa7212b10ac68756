package dev.rivalry.devidentity;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The development identity provider's settings ({@code rivalry.dev-identity.*}).
 *
 * @param issuer the {@code iss} of every token: the URL players reach the provider at, which
 * the matchmaker's {@code rivalry.matchmaker.identity.providers[n].issuer} must name exactly
 * (the matchmaker may fetch the keys from another URL, e.g. inside a Docker network)
 * @param audience the {@code aud} of every token, which the matchmaker's
 * {@code audiences} must list
 * @param tokenLifetime how long a token is accepted
 */
@Validated
@ConfigurationProperties("rivalry.dev-identity")
public record DevIdentityProperties(
		@DefaultValue("http://localhost:8083") @NotNull @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
				message = "must be an http(s) URL without query or fragment") String issuer,
		@DefaultValue("rivalry") @NotBlank String audience,
		@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) @DurationMax(days = 1) Duration tokenLifetime) {

}
