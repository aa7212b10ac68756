import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a JVMTI agent into a running JVM: {@code java bench/tools/Attach.java <pid> <agent.so> <options>}.
 * bench/profile-window.sh uses it to start and stop async-profiler around a measured window
 * (jcmd's JVMTI.agent_load splits async-profiler's comma-separated options).
 */
public class Attach {

	public static void main(String[] args) throws Exception {
		VirtualMachine vm = VirtualMachine.attach(args[0]);
		try {
			vm.loadAgentPath(args[1], args[2]);
		}
		finally {
			vm.detach();
		}
	}

}
