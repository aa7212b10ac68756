package dev.rivalry.matchmaker.profile;

import java.util.List;

import dev.rivalry.profiles.MatchProfiles;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/profiles}: the profiles in the order they are tried.
 */
@RestController
class ProfilesController {

	private final List<ProfileView> views;

	ProfilesController(MatchProfiles profiles) {
		this.views = profiles.all().stream().map(ProfileView::of).toList();
	}

	@GetMapping("/v1/profiles")
	List<ProfileView> profiles() {
		return this.views;
	}

}
