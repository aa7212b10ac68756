package dev.rivalry.kafka;

/**
 * A record could not be confirmed on its Kafka stream (broker down, timeout, refused).
 */
public class StreamUnavailableException extends RuntimeException {

	public StreamUnavailableException(String topic, Throwable cause) {
		super("Could not publish to " + topic, cause);
	}

}
