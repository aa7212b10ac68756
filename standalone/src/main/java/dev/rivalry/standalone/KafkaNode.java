package dev.rivalry.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone's Kafka node alone, in a process of its own, for the chaos runner
 * ({@code bench/chaos.sh}), which stops, kills and restarts the broker under the services:
 * <pre>
 * java -cp standalone/target/rivalry-standalone.jar -Dloader.main=dev.rivalry.standalone.KafkaNode \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --port=19092 --controller-port=19093 --dir=/tmp/kafka
 * </pre>
 * Started again on the same ports and directory, it comes back with its topics, records and
 * committed offsets. {@code SIGTERM} shuts it down cleanly.
 */
public final class KafkaNode {

	private KafkaNode() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			given.put(pair[0], (pair.length == 2) ? pair[1] : "");
		}
		InProcessKafka kafka = InProcessKafka.start(Integer.parseInt(given.getOrDefault("port", "19092")),
				Integer.parseInt(given.getOrDefault("controller-port", "19093")),
				Path.of(given.getOrDefault("dir", "kafka-data")));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			kafka.close();
			stopped.countDown();
		}, "kafka-node-stop"));
		System.out.println("Kafka node ready at " + kafka.bootstrapServers());
		stopped.await();
	}

}
