package dev.rivalry.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When each pool's matches arrived on the players' streams (wall-clock milliseconds), so that
 * a chaos run can tell which pools stalled, for how long, and when they recovered
 * ({@code dev.rivalry.bench.chaos.FaultTimeline}). Written next to the run's report as
 * {@code <report>-pools.csv}: {@code pool,epochMillis}, one line per match. Thread-safe.
 */
public final class PoolTimeline {

	private final Map<String, ConcurrentLinkedQueue<Long>> matches = new ConcurrentHashMap<>();

	/** A match seen for the first time, in a pool. */
	void matched(String pool, long epochMillis) {
		this.matches.computeIfAbsent(pool, (key) -> new ConcurrentLinkedQueue<>()).add(epochMillis);
	}

	/** @return each pool's match times, sorted */
	public Map<String, List<Long>> byPool() {
		Map<String, List<Long>> sorted = new TreeMap<>();
		this.matches.forEach((pool, times) -> {
			List<Long> list = new ArrayList<>(times);
			list.sort(null);
			sorted.put(pool, list);
		});
		return sorted;
	}

	/** Writes the CSV. */
	public void write(Path csv) throws IOException {
		StringBuilder lines = new StringBuilder("pool,epochMillis\n");
		byPool().forEach((pool, times) -> times.forEach((time) -> lines.append(pool).append(',').append(time).append('\n')));
		Files.writeString(csv, lines, StandardCharsets.UTF_8);
	}

	/** Reads a CSV {@link #write} wrote. */
	public static Map<String, List<Long>> read(Path csv) throws IOException {
		PoolTimeline timeline = new PoolTimeline();
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			int comma = line.lastIndexOf(',');
			timeline.matched(line.substring(0, comma), Long.parseLong(line.substring(comma + 1)));
		}
		return timeline.byPool();
	}

	/** @return where the pools' CSV of a report goes: {@code x.json} → {@code x-pools.csv} */
	public static Path besides(Path reportJson) {
		String name = reportJson.getFileName().toString();
		return reportJson.resolveSibling(name.substring(0, name.length() - ".json".length()) + "-pools.csv");
	}

}
