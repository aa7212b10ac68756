package dev.rivalry.testsupport;

/**
 * For tests that prove bad configuration stops the start with a message naming the
 * property: Spring Boot names it somewhere down the cause chain, not always at its root.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * @param failure a context's startup failure
	 * @return the messages of the failure and all its causes, one a line
	 */
	public static String messagesOf(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

}
