/**
 * Real Kafka and Redis for the tests of every Rivalry module, found and started in one
 * place: {@link dev.rivalry.testsupport.TestKafka}, {@link dev.rivalry.testsupport.TestRedis},
 * and for Spring tests {@link dev.rivalry.testsupport.RealKafkaAndRedis @RealKafkaAndRedis}.
 * See {@code docs/testing.md}.
 */
package dev.rivalry.testsupport;
