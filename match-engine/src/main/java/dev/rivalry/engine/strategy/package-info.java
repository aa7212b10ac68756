/**
 * How matches are formed from a pool: pure functions from a snapshot of waiting tickets
 * to proposed matches ({@link dev.rivalry.engine.strategy.MatchingStrategy},
 * {@link dev.rivalry.engine.strategy.Strategies}). Plain Java: no Spring, Reactor, Kafka,
 * Redis or I/O, so the rules can be tested and benchmarked on their own; the engine's
 * {@code pool} and {@code intake} packages feed them and apply their results. The rules
 * are described in {@code docs/strategies.md}.
 */
package dev.rivalry.engine.strategy;
