/**
 * Wiring only: starts an in-process Kafka (KRaft) and an embedded Redis on fixed ports, then
 * the development identity provider, the matchmaker (trusting the provider's player tokens),
 * the serverlist and the match engine, each in its own application context with its own
 * configuration, as in production, all in development mode; and, unless switched off, demo
 * traffic.
 */
package dev.rivalry.standalone;
