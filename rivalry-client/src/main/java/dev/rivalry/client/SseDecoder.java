package dev.rivalry.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;

/**
 * Turns the bytes of a {@code text/event-stream} into events (the WHATWG format: fields
 * by line, an event ends at a blank line). Chunks may split lines, even characters, so
 * bytes are kept until a line is whole.
 */
public final class SseDecoder {

	private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

	private String event;

	private StringBuilder data;

	private String id;

	private String comment;

	private SseDecoder() {
	}

	/** @return the events of the stream, one decoder per subscription */
	public static Flux<ServerEvent> decode(Flux<byte[]> chunks) {
		return Flux.defer(() -> {
			SseDecoder decoder = new SseDecoder();
			return chunks.concatMapIterable(decoder::feed);
		});
	}

	private List<ServerEvent> feed(byte[] chunk) {
		List<ServerEvent> events = new ArrayList<>(1);
		for (byte b : chunk) {
			if (b == '\n') {
				ServerEvent complete = endLine();
				if (complete != null) {
					events.add(complete);
				}
			}
			else if (b != '\r') {
				this.line.write(b);
			}
		}
		return events;
	}

	private ServerEvent endLine() {
		String text = this.line.toString(StandardCharsets.UTF_8);
		this.line.reset();
		if (text.isEmpty()) {
			return dispatch();
		}
		int colon = text.indexOf(':');
		String field = (colon < 0) ? text : text.substring(0, colon);
		String value = (colon < 0) ? "" : text.substring(colon + 1);
		if (value.startsWith(" ")) {
			value = value.substring(1);
		}
		switch (field) {
			case "" -> this.comment = value;
			case "event" -> this.event = value;
			case "id" -> this.id = value;
			case "data" -> {
				if (this.data == null) {
					this.data = new StringBuilder(value.length());
				}
				else {
					this.data.append('\n');
				}
				this.data.append(value);
			}
			default -> {
				// retry: and unknown fields mean nothing to the generator.
			}
		}
		return null;
	}

	private ServerEvent dispatch() {
		if (this.event == null && this.data == null && this.id == null && this.comment == null) {
			return null;
		}
		ServerEvent dispatched = new ServerEvent(this.event, (this.data != null) ? this.data.toString() : null, this.id,
				this.comment);
		this.event = null;
		this.data = null;
		this.id = null;
		this.comment = null;
		return dispatched;
	}

}
