package dev.rivalry.matchmaker.profile;

import java.util.List;

import dev.rivalry.profiles.MatchProfiles;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/profiles}: the profiles in the order they are tried, as the profile file in
 * force has them (it may be reloaded while the service runs).
 */
@RestController
class ProfilesController {

	private final MatchProfiles profiles;

	ProfilesController(MatchProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/v1/profiles")
	List<ProfileView> profiles() {
		return this.profiles.all().stream().map(ProfileView::of).toList();
	}

}
