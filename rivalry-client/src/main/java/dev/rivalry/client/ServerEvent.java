package dev.rivalry.client;

/**
 * One server-sent event as it came over the wire; comments (heartbeats, {@code connected})
 * carry only a comment.
 *
 * @param event the {@code event:} field, or {@code null}
 * @param data the {@code data:} lines joined by newlines, or {@code null}
 * @param id the {@code id:} field (a version), or {@code null}
 * @param comment the comment, or {@code null}
 */
public record ServerEvent(String event, String data, String id, String comment) {

	/** @return whether this is the event named {@code name} */
	public boolean is(String name) {
		return name.equals(this.event);
	}

}
