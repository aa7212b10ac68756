package dev.rivalry.serverlist.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares in the OpenAPI document ({@code /v3/api-docs}) which credential each endpoint
 * takes (docs/security.md): the fleet key to register, the server credential for a
 * server's own calls, a player's match token to allocate. Listing and reading servers are
 * not here: they are the operator's, on the management port (docs/adr/0009).
 */
final class SecuritySchemes implements OpenApiCustomizer {

	static final String FLEET_KEY = "fleetKey";

	static final String SERVER_CREDENTIAL = "serverCredential";

	static final String MATCH_TOKEN = "matchToken";

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(FLEET_KEY, bearer(null, "A fleet key of rivalry.serverlist.fleets, to register servers."))
			.addSecuritySchemes(SERVER_CREDENTIAL,
					bearer("JWT", "The server credential returned by registration; good for this server's own calls only."))
			.addSecuritySchemes(MATCH_TOKEN,
					bearer("JWT", "A player's match-ID token (typ rivalry-match+jwt) from the matchmaker."));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> {
			require(item.getPost(), path.equals("/v1/servers") ? FLEET_KEY : null);
			require(item.getPost(), path.equals("/v1/allocations") ? MATCH_TOKEN : null);
			if (path.startsWith("/v1/servers/{id}/")) {
				item.readOperations().forEach((operation) -> require(operation, SERVER_CREDENTIAL));
			}
			if (path.equals("/v1/servers/{id}")) {
				require(item.getDelete(), SERVER_CREDENTIAL);
			}
		});
	}

	private static void require(io.swagger.v3.oas.models.Operation operation, String scheme) {
		if (operation != null && scheme != null) {
			operation.addSecurityItem(new SecurityRequirement().addList(scheme));
		}
	}

	private static SecurityScheme bearer(String format, String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat(format)
			.description(description);
	}

}
