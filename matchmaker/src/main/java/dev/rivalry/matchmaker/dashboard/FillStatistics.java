package dev.rivalry.matchmaker.dashboard;

/**
 * Tickets that joined running matches through backfills: joins per second, total, and the
 * time from a ticket's creation to its join, in the same windows as matches.
 *
 * @param joined the statistics, one unit per joining ticket
 */
record FillStatistics(MatchStatistics joined) {
}
