package dev.rivalry.operator.system;

import java.util.HashSet;
import java.util.Set;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

import dev.rivalry.operator.reconcile.MatchProfileReconciler;

/** The Java Operator SDK's operator, with the one controller this module has. */
public final class Operators {

	private Operators() {
	}

	/**
	 * @param client the cluster; not closed when the operator stops
	 * @param reconciler the MatchProfile reconciler
	 * @param namespaces the namespaces served
	 * @param serverSideApply whether status patches use server-side apply (a real API
	 * server); off for fabric8's mock server, which answers apply patches with 415
	 * @param leaderElection whether replicas elect one leader
	 * @return the operator, registered, not started
	 */
	public static Operator create(KubernetesClient client, MatchProfileReconciler reconciler, Set<String> namespaces,
			boolean serverSideApply, boolean leaderElection) {
		Operator operator = new Operator((overrider) -> {
			overrider.withKubernetesClient(client)
				.withCloseClientOnStop(false)
				.withUseSSAToPatchPrimaryResource(serverSideApply)
				.withSSABasedCreateUpdateMatchForDependentResources(serverSideApply);
			if (leaderElection) {
				overrider.withLeaderElectionConfiguration(new LeaderElectionConfiguration("rivalry-operator"));
			}
		});
		operator.register(reconciler, (controller) -> controller.settingNamespaces(new HashSet<>(namespaces)));
		return operator;
	}

}
