/**
 * Match profiles: the model ({@link dev.rivalry.profiles.Profile},
 * {@link dev.rivalry.profiles.MatchProfiles}) and the reader of profile files
 * ({@link dev.rivalry.profiles.ProfilesLoader}). Plain Java: no Spring, Reactor, Kafka or
 * Redis, so the match engine's strategies can use it.
 */
package dev.rivalry.profiles;
