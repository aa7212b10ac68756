/**
 * Tickets asked for over HTTP, by any module's tests: {@link dev.rivalry.testsupport.tickets.TicketRequests}.
 */
package dev.rivalry.testsupport.tickets;
