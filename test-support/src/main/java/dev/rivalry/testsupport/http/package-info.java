/**
 * HTTP calls every service's tests make: {@link dev.rivalry.testsupport.http.TestClients} to
 * reach a running service, {@link dev.rivalry.testsupport.http.Prometheus} to read its metrics,
 * {@link dev.rivalry.testsupport.http.ProblemAssertions} to check a refusal.
 */
package dev.rivalry.testsupport.http;
