package dev.rivalry.bench.load;

/**
 * One server-sent event; comments (heartbeats, {@code connected}) carry only a comment.
 *
 * @param event the {@code event:} field, or {@code null}
 * @param data the {@code data:} lines joined by newlines, or {@code null}
 * @param id the {@code id:} field, or {@code null}
 * @param comment the comment, or {@code null}
 */
record SseEvent(String event, String data, String id, String comment) {
}
