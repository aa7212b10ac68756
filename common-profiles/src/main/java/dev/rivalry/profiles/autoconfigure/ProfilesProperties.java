package dev.rivalry.profiles.autoconfigure;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the match profiles come from.
 *
 * @param location a Spring resource location of the profile file, e.g.
 * {@code classpath:profiles.yml} (the default) or {@code file:/etc/rivalry/profiles.yml}
 */
@ConfigurationProperties("rivalry.profiles")
@Validated
public record ProfilesProperties(@NotBlank @DefaultValue("classpath:profiles.yml") String location) {

}
