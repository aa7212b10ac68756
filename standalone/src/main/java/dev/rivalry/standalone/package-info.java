/**
 * Wiring only: starts embedded Kafka and Redis and the three services in one JVM.
 */
package dev.rivalry.standalone;
