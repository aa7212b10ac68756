package dev.rivalry.profiles.autoconfigure;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the match profiles come from.
 *
 * @param location a Spring resource location of the profile file, e.g.
 * {@code classpath:profiles.yml} (the default) or {@code file:/etc/rivalry/profiles.yml}
 * @param reloadInterval how often a profile file on the file system is looked at for a new
 * version (a mounted ConfigMap changes in place); {@code 0} reads it only at start-up
 */
@ConfigurationProperties("rivalry.profiles")
@Validated
public record ProfilesProperties(@NotBlank @DefaultValue("classpath:profiles.yml") String location,
		@NotNull @DefaultValue("5s") @DurationMax(hours = 1) Duration reloadInterval) {

}
