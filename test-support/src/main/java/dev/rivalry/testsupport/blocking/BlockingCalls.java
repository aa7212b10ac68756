package dev.rivalry.testsupport.blocking;

import java.time.Duration;

import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Proof that BlockHound is on in a test JVM: each service's tests call
 * {@link #sleepOnAParallelThread()} and expect it to fail.
 */
public final class BlockingCalls {

	private BlockingCalls() {
	}

	/**
	 * Sleeps on one of Reactor's parallel threads, which must never block.
	 * @return the error BlockHound raised; an {@link AssertionError} when it raised none
	 */
	public static BlockingOperationError sleepOnAParallelThread() {
		try {
			Mono.fromCallable(() -> {
				Thread.sleep(1);
				return "slept";
			}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
		}
		catch (RuntimeException | Error ex) {
			Throwable cause = ex;
			while (cause != null && !(cause instanceof BlockingOperationError)) {
				cause = cause.getCause();
			}
			if (cause != null) {
				return (BlockingOperationError) cause;
			}
			throw ex;
		}
		throw new AssertionError("Thread.sleep on a parallel thread was let through: BlockHound is not installed");
	}

}
