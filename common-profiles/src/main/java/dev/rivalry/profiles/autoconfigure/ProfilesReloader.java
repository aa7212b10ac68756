package dev.rivalry.profiles.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;

import dev.rivalry.profiles.InvalidProfilesException;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;
import dev.rivalry.profiles.ReloadableProfiles;

/**
 * Applies a new version of the profile file without a restart. The file is read every
 * interval and compared with the version in force: polling the content, rather than
 * watching the directory, sees a mounted ConfigMap's change (the kubelet swaps a symbolic
 * link, {@code ..data}, and the file's own path never changes) as well as an edit in place.
 * A new content is applied only once two reads in a row agree, so a file caught half written
 * is not judged. A valid version replaces the old at once ({@link ReloadableProfiles#apply});
 * an invalid one is refused with a log line naming each problem and the old one stays. The
 * same refused content is not reported again.
 */
final class ProfilesReloader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProfilesReloader.class);

	private final Resource resource;

	private final String location;

	private final ReloadableProfiles profiles;

	private final Duration interval;

	private final ReloadOutcomes outcomes;

	private ScheduledExecutorService executor;

	/** The content in force. Touched by the reload thread only, after construction. */
	private String applied;

	/** A new content seen once, waiting for a second read to agree. */
	private String pending;

	/** The last content refused. */
	private String refused;

	/**
	 * @param resource the file
	 * @param location how problems name it
	 * @param content the content in force
	 * @param profiles the bean to apply new versions to
	 * @param interval how often to look; null not to look at all
	 * @param outcomes what counts the outcomes
	 */
	ProfilesReloader(Resource resource, String location, String content, ReloadableProfiles profiles,
			Duration interval, ReloadOutcomes outcomes) {
		this.resource = resource;
		this.location = location;
		this.applied = content;
		this.profiles = profiles;
		this.interval = interval;
		this.outcomes = outcomes;
	}

	/** Starts looking at the file, unless there is nothing to watch (no interval). */
	@Override
	public synchronized void start() {
		if (this.executor == null && this.interval != null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "profiles-reload");
				thread.setDaemon(true);
				return thread;
			});
			long millis = this.interval.toMillis();
			this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
			logger.info("Watching {} for new profiles every {}", this.location, this.interval);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** @return whether the file is watched */
	boolean watches() {
		return this.interval != null;
	}

	/** One look at the file; never throws (a scheduled task that throws is never run again). */
	void check() {
		try {
			String content = read();
			if (content.equals(this.applied) || content.equals(this.refused)) {
				this.pending = null;
				return;
			}
			if (!content.equals(this.pending)) {
				this.pending = content;
				return;
			}
			this.pending = null;
			apply(content);
		}
		catch (IOException ex) {
			// A ConfigMap's link swap can hide the file for an instant: the next look sees it.
			logger.debug("Profile file {} not readable now: {}", this.location, ex.toString());
		}
		catch (RuntimeException ex) {
			logger.error("Profile file {} could not be reloaded", this.location, ex);
		}
	}

	private void apply(String content) {
		MatchProfiles next;
		try {
			next = ProfilesLoader.parse(this.location, content);
		}
		catch (InvalidProfilesException ex) {
			this.refused = content;
			this.outcomes.refused();
			logger.warn("New profile file {} refused, the profiles in force stay {}:\n{}", this.location,
					this.profiles.current().all().stream().map(Profile::name).toList(), ex.getMessage());
			return;
		}
		this.profiles.apply(next);
		this.applied = content;
		this.refused = null;
		this.outcomes.applied();
		logger.info("New profile file {} applied: {}", this.location, next.all().stream().map(Profile::name).toList());
	}

	private String read() throws IOException {
		try (InputStream in = this.resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
