/**
 * The Java client of Rivalry's HTTP contract (docs/client.md): {@link dev.rivalry.client.RivalryClient}
 * gives a player's calls ({@link dev.rivalry.client.PlayerClient}) and a game server's life
 * ({@link dev.rivalry.client.GameServer}); refusals are {@link dev.rivalry.client.ProblemException}s.
 */
package dev.rivalry.client;
