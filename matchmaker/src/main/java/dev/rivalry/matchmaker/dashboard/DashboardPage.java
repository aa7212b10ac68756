package dev.rivalry.matchmaker.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The page at {@code /} and its script and style under {@code /dashboard/}, on the
 * management port ({@link DashboardManagementConfiguration}). They live in
 * the matchmaker's own resource folder, not in {@code static/}: in standalone the three
 * services share one class path, and only the matchmaker serves the dashboard.
 */
final class DashboardPage {

	private static final String LOCATION = "dev/rivalry/matchmaker/dashboard/";

	private static final Resource INDEX = new ClassPathResource(LOCATION + "index.html");

	private DashboardPage() {
	}

	static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route(GET("/").or(GET("/index.html")), (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.bodyValue(INDEX)).and(RouterFunctions.resources("/dashboard/**", new ClassPathResource(LOCATION)));
	}

}
