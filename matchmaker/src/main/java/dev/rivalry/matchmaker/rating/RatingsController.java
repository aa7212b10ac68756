package dev.rivalry.matchmaker.rating;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.ratings.StoredRating;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/players/{id}/ratings}: a player's rating in every profile, the default
 * one where the player was never rated (so any id answers 200), then any profile the
 * player was rated in that the profile file no longer names.
 */
@RestController
class RatingsController {

	private final RatingStore ratings;

	private final MatchProfiles profiles;

	RatingsController(RatingStore ratings, MatchProfiles profiles) {
		this.ratings = ratings;
		this.profiles = profiles;
	}

	@GetMapping("/v1/players/{id}/ratings")
	Mono<PlayerRatingsView> ratings(@PathVariable String id) {
		return this.ratings.find(id).map((stored) -> new PlayerRatingsView(id, everyProfile(stored)));
	}

	private Map<String, RatingView> everyProfile(Map<String, StoredRating> stored) {
		Map<String, RatingView> views = new LinkedHashMap<>();
		for (Profile profile : this.profiles.all()) {
			views.put(profile.name(), RatingView.of(stored.getOrDefault(profile.name(), this.ratings.initial()).rating()));
		}
		stored.forEach((profile, rating) -> views.putIfAbsent(profile, RatingView.of(rating.rating())));
		return views;
	}

}
