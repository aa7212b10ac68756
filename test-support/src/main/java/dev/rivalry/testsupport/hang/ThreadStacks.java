package dev.rivalry.testsupport.hang;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Thread stacks as text, for a test that must say where something is stuck: every
 * thread's ({@link #all()}) or one thread's ({@link #of(Thread)}), each with all of its
 * frames ({@link ThreadInfo#toString()} stops after eight).
 */
public final class ThreadStacks {

	private ThreadStacks() {
	}

	/** @return every live thread's name, state, the lock it waits on and its owner, and its whole stack */
	public static String all() {
		StringBuilder stacks = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			stacks.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				stacks.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				stacks.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
			}
			stacks.append('\n').append(frames(thread.getStackTrace())).append('\n');
		}
		return stacks.toString();
	}

	/** @return the thread's whole stack, a frame a line; {@code (no thread)} for {@code null} */
	public static String of(Thread thread) {
		return (thread != null) ? frames(thread.getStackTrace()) : "(no thread)\n";
	}

	private static String frames(StackTraceElement[] frames) {
		StringBuilder text = new StringBuilder();
		for (StackTraceElement frame : frames) {
			text.append("\tat ").append(frame).append('\n');
		}
		return text.toString();
	}

}
