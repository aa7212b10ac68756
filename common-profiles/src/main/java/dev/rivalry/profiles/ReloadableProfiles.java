package dev.rivalry.profiles;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Profiles whose file may be replaced while the service runs. Each call reads the version
 * in force when it is made; a new version replaces the old in one step ({@link #apply}),
 * so a call never sees half of one and half of the other. A caller that needs several
 * answers from one version takes {@link #current()} once. Thread safe.
 */
public final class ReloadableProfiles extends MatchProfiles {

	private final AtomicReference<MatchProfiles> current;

	private final List<Consumer<MatchProfiles>> listeners = new CopyOnWriteArrayList<>();

	/** @param initial the version read at start-up */
	public ReloadableProfiles(MatchProfiles initial) {
		super(initial.all());
		this.current = new AtomicReference<>(initial);
	}

	/** @return the version in force, immutable */
	public MatchProfiles current() {
		return this.current.get();
	}

	/**
	 * Puts a new version in force, then tells the listeners.
	 * @param next a valid version, as {@link ProfilesLoader} reads it
	 */
	public void apply(MatchProfiles next) {
		MatchProfiles version = Objects.requireNonNull(next, "next");
		while (version instanceof ReloadableProfiles reloadable) {
			version = reloadable.current();
		}
		this.current.set(version);
		for (Consumer<MatchProfiles> listener : this.listeners) {
			listener.accept(version);
		}
	}

	/**
	 * @param listener called, on the thread that applies it, with each new version
	 */
	public void onChange(Consumer<MatchProfiles> listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	@Override
	public Optional<Profile> firstMatching(Map<String, ?> attributes) {
		return current().firstMatching(attributes);
	}

	@Override
	public Optional<Profile> byName(String name) {
		return current().byName(name);
	}

	@Override
	public List<Profile> all() {
		return current().all();
	}

	@Override
	public String toString() {
		return current().toString();
	}

}
