package dev.rivalry.operator.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rivalry.operator.resource.MatchProfile;

/**
 * Tickets waiting for a profile, summed over its engines' {@code GET /v1/pools} (each
 * engine reports the pools it owns), read from every running pod on the engines' management
 * port. Thread safe.
 */
public final class EnginePools implements WaitingTickets {

	private static final Logger logger = LoggerFactory.getLogger(EnginePools.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final KubernetesClient client;

	private final EngineDeployments deployments;

	private final int port;

	private final HttpClient http;

	private final Duration timeout;

	/**
	 * @param client the cluster
	 * @param deployments where the engines' labels come from
	 * @param port the engines' management port
	 * @param timeout bound on each engine's answer
	 */
	public EnginePools(KubernetesClient client, EngineDeployments deployments, int port, Duration timeout) {
		this.client = client;
		this.deployments = deployments;
		this.port = port;
		this.timeout = timeout;
		// The management port speaks HTTP/1.1: no h2c upgrade to offer on every read.
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
	}

	@Override
	public OptionalLong waiting(MatchProfile profile) {
		long waiting = 0;
		boolean answered = false;
		for (Pod pod : this.client.pods().inNamespace(profile.getMetadata().getNamespace())
			.withLabels(this.deployments.selectorOf(profile.profileName())).list().getItems()) {
			String ip = (pod.getStatus() != null) ? pod.getStatus().getPodIP() : null;
			if (ip == null || !"Running".equals(pod.getStatus().getPhase())) {
				continue;
			}
			try {
				waiting += waitingAt(ip, profile.profileName());
				answered = true;
			}
			catch (IOException ex) {
				logger.debug("Engine {} did not tell its pools: {}", pod.getMetadata().getName(), ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return OptionalLong.empty();
			}
		}
		return answered ? OptionalLong.of(waiting) : OptionalLong.empty();
	}

	private long waitingAt(String ip, String profile) throws IOException, InterruptedException {
		String host = ip.contains(":") ? "[" + ip + "]" : ip;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + "/v1/pools"))
			.timeout(this.timeout).GET().build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("status " + response.statusCode());
		}
		long waiting = 0;
		for (JsonNode pool : JSON.readTree(response.body())) {
			if (profile.equals(pool.path("profile").asText())) {
				waiting += pool.path("waiting").asLong();
			}
		}
		return waiting;
	}

}
