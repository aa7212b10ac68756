package dev.rivalry.matchmaker.result;

/**
 * A result as kept beside its match.
 *
 * @param complete whether the ratings were updated and the result published; a report
 * interrupted before that is completed by the next report of the match
 * @param result the result; its players' ratings are present once complete
 */
record StoredResult(boolean complete, MatchResult result) {
}
