/**
 * Wiring only: starts an in-process Kafka (KRaft) and an embedded Redis on fixed ports, then
 * the matchmaker, the serverlist and the match engine, each in its own application context
 * with its own configuration, as in production; and, unless switched off, demo traffic.
 */
package dev.rivalry.standalone;
