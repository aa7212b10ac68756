/**
 * Spring Boot wiring: a {@code MatchProfiles} bean from {@code rivalry.profiles.location}.
 * The only package of this module that knows Spring.
 */
package dev.rivalry.profiles.autoconfigure;
