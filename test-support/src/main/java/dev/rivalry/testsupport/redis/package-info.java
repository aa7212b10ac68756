/**
 * Redis set-up for store tests without Spring: {@link dev.rivalry.testsupport.redis.RedisConnections}.
 */
package dev.rivalry.testsupport.redis;
