package dev.rivalry.profiles;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles of one file, in file order. Order matters: a ticket belongs to the first
 * profile that {@link Profile#matches matches} it. Those made by {@link #of} are immutable;
 * a service's bean may be a {@link ReloadableProfiles}, whose every call reads the version
 * of the file in force at that moment. Thread safe.
 */
public class MatchProfiles {

	private final List<Profile> profiles;

	private final Map<String, Profile> byName;

	MatchProfiles(List<Profile> profiles) {
		this.profiles = profiles;
		Map<String, Profile> names = new LinkedHashMap<>();
		profiles.forEach((profile) -> names.put(profile.name(), profile));
		this.byName = Map.copyOf(names);
	}

	/**
	 * @param profiles one or more profiles with distinct names, in matching order
	 * @return the profiles
	 * @throws IllegalArgumentException when empty or when two profiles share a name
	 */
	public static MatchProfiles of(List<Profile> profiles) {
		List<Profile> copy = List.copyOf(profiles);
		if (copy.isEmpty()) {
			throw new IllegalArgumentException("at least one profile is needed");
		}
		Set<String> names = new HashSet<>();
		for (Profile profile : copy) {
			if (!names.add(profile.name())) {
				throw new IllegalArgumentException("duplicate profile name '" + profile.name() + "'");
			}
		}
		return new MatchProfiles(copy);
	}

	/**
	 * The profile that owns a ticket.
	 * @param attributes the ticket's attributes, not null
	 * @return the first profile, in file order, that matches; empty when none does
	 */
	public Optional<Profile> firstMatching(Map<String, ?> attributes) {
		for (int i = 0; i < this.profiles.size(); i++) {
			Profile profile = this.profiles.get(i);
			if (profile.matches(attributes)) {
				return Optional.of(profile);
			}
		}
		return Optional.empty();
	}

	/**
	 * @param name a profile name
	 * @return the profile of that name, or empty
	 */
	public Optional<Profile> byName(String name) {
		return Optional.ofNullable((name != null) ? this.byName.get(name) : null);
	}

	/** @return every profile, in file order; unmodifiable */
	public List<Profile> all() {
		return this.profiles;
	}

	@Override
	public String toString() {
		return "MatchProfiles" + this.profiles.stream().map(Profile::name).toList();
	}

}
