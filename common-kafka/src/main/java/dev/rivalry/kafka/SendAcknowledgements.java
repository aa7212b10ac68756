package dev.rivalry.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Hands each record's acknowledgement back to whoever sent it, completed by the Kafka
 * producer's own callback, so no thread waits for the broker.
 * <p>
 * The binder's producer handlers are made asynchronous ({@code sync=false}) and given a
 * futures channel: a record sent with a {@linkplain #FUTURE_TOKEN token} header has the
 * producer's send future delivered to that channel, on the sending thread, before
 * {@code StreamBridge.send} returns. The future is tied to the acknowledgement the sender
 * registered under the same token with {@link #expect()}.
 * Registered as a bean, the Kafka binder applies it to every producer it makes.
 * Thread safe.
 */
public final class SendAcknowledgements implements ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> {

	/** The message header that carries a record's token to the producer handler. */
	public static final String FUTURE_TOKEN = KafkaIntegrationHeaders.FUTURE_TOKEN;

	private final Map<Long, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

	private final AtomicLong tokens = new AtomicLong();

	private final MessageChannel futures = (message, timeout) -> {
		handOver(message);
		return true;
	};

	@Override
	public void configure(KafkaProducerMessageHandler<?, ?> handler, String destinationName) {
		handler.setSync(false);
		handler.setFuturesChannel(this.futures);
	}

	/**
	 * Registers a record about to be sent.
	 * @return its token (the {@link #FUTURE_TOKEN} header) and its acknowledgement
	 */
	public Expected expect() {
		long token = this.tokens.incrementAndGet();
		CompletableFuture<Void> acknowledged = new CompletableFuture<>();
		this.awaited.put(token, acknowledged);
		return new Expected(token, acknowledged);
	}

	/**
	 * Stops waiting for a record's send future.
	 * @param token the record's token
	 * @return {@code true} when it was still awaited: the producer never took the record
	 */
	public boolean forget(long token) {
		return this.awaited.remove(token) != null;
	}

	/** Records registered and not yet handed to the producer (a gauge for leaks). */
	public int awaiting() {
		return this.awaited.size();
	}

	private void handOver(Message<?> message) {
		if (!(message.getHeaders().get(FUTURE_TOKEN) instanceof Long token)
				|| !(message.getPayload() instanceof CompletableFuture<?> sent)) {
			return;
		}
		CompletableFuture<Void> acknowledged = this.awaited.remove(token);
		if (acknowledged != null) {
			sent.whenComplete((result, ex) -> {
				if (ex == null) {
					acknowledged.complete(null);
				}
				else {
					acknowledged.completeExceptionally(ex);
				}
			});
		}
	}

	/**
	 * A record registered before its send.
	 * @param token its {@link #FUTURE_TOKEN} header
	 * @param acknowledged completes once the broker acknowledged it, or fails with the
	 * producer's error
	 */
	public record Expected(long token, CompletableFuture<Void> acknowledged) {
	}

}
