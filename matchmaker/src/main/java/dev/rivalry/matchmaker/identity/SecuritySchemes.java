package dev.rivalry.matchmaker.identity;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares in the OpenAPI document ({@code /v3/api-docs}) which credential each endpoint
 * takes: the ticket endpoints a player's (or game back end's) token from the game's identity
 * provider, results the match's report token from the serverlist. The rest is public.
 */
final class SecuritySchemes implements OpenApiCustomizer {

	static final String PLAYER_TOKEN = "playerToken";

	static final String REPORT_TOKEN = "reportToken";

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(PLAYER_TOKEN, bearer("A JWT from the game's identity provider: a player's (sub = player id, "
					+ "optional party claim) or a game back end's with the rivalry:tickets scope. See docs/security.md."))
			.addSecuritySchemes(REPORT_TOKEN, bearer("The match's report token (typ rivalry-report+jwt), issued by the "
					+ "serverlist to the game server when it confirmed the start. See docs/tokens.md."));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> {
			String scheme = path.startsWith("/v1/tickets") ? PLAYER_TOKEN
					: path.matches("/v1/matches/[^/]+/results") ? REPORT_TOKEN : null;
			if (scheme != null) {
				for (Operation operation : item.readOperations()) {
					operation.setSecurity(List.of(new SecurityRequirement().addList(scheme)));
				}
			}
		});
	}

	private static SecurityScheme bearer(String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
			.description(description);
	}

}
