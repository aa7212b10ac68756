package dev.rivalry.testsupport.blocking;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls BlockHound lets through in Rivalry's tests, each with the reason it is
 * not a stall of an event loop. Anything else that blocks on a non-blocking thread fails
 * the test: fix it (move it to {@code boundedElastic} or make it non-blocking) before
 * adding it here.
 */
public final class RivalryBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Logging: Logback's appenders take a lock per event and write to a stream; a few
		// microseconds, never a wait on I/O of the service's own.
		builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
		builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
		// Reactor's schedulers run on ScheduledThreadPoolExecutors, whose delay queue takes a
		// lock for each queue operation (held for the operation, never for I/O). Reactor's own
		// integration lets its offer and take through; cancelling a scheduled task (disposing a
		// Flux.interval, as a lease's renewal when its stream ends on an event loop) removes it
		// from the queue under the same lock.
		builder.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove");
		// Class loading and service loading read jars once per class, the first time it is used.
		builder.allowBlockingCallsInside("java.lang.ClassLoader", "loadClass");
		builder.allowBlockingCallsInside("java.util.ServiceLoader$LazyClassPathLookupIterator", "hasNext");
		// Jackson builds a type's (de)serializer once, under a lock held while it is built;
		// every later read of the type takes it from the cache without locking.
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
		builder.allowBlockingCallsInside("tools.jackson.databind.ser.SerializerCache", "addAndResolveNonTypedSerializer");
		// Lettuce: a command's write waits while another thread holds the connection's
		// exclusive side to reconfigure it (a reconnect, a close); a moment, and only then.
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		// Spring Data Redis takes its connection factory's lock for every reactive command, to
		// read the shared connection: held for a field read, except by the first command of an
		// instance, which makes that connection (once; Lettuce then reconnects it by itself).
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"getOrCreateSharedReactiveConnection");
		builder.allowBlockingCallsInside(
				"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory$SharedConnection",
				"getConnection");
		// Hibernate Validator reads its message bundle from its jar the first time a message
		// is rendered in a locale, then keeps it: once per locale, like class loading.
		builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
				"loadBundle");
		// springdoc builds the OpenAPI document on its first request (scanning classes), then
		// serves it from its cache: once per instance, on an operator's call, not a player's.
		builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
		// The JDK reads lib/net.properties once, when the first socket class is initialized
		// (the Kubernetes mock server's Vert.x loop binds the operator tests' first socket).
		builder.allowBlockingCallsInside("sun.net.NetProperties", "<clinit>");
		// SecureRandom's seeding reads the OS entropy once; later draws do not block.
		builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes");
		builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
		// A host name is resolved through the JDK's cache; a miss reads /etc/hosts (or asks the
		// resolver) once per name and cache period, on whichever thread asks first, which may
		// be a client's event loop connecting (Redis clients connect to "localhost" in tests).
		builder.allowBlockingCallsInside("java.net.InetAddress", "getAllByName0");
		builder.allowBlockingCallsInside("java.net.InetAddress", "getLocalHost");
	}

}
