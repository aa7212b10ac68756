/**
 * Following server-sent event streams in tests: {@link dev.rivalry.testsupport.sse.EventStream}.
 */
package dev.rivalry.testsupport.sse;
