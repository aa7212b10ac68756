package dev.rivalry.operator.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rivalry.operator.engine.EngineDeployments;
import dev.rivalry.operator.engine.WaitingTickets;
import dev.rivalry.operator.profile.ProfileDocuments;
import dev.rivalry.operator.profile.ProfilesConfigMap;
import dev.rivalry.operator.profile.ProfilesConfigMap.Ranked;
import dev.rivalry.operator.profile.SpecVerdict;
import dev.rivalry.operator.resource.MatchProfile;
import dev.rivalry.operator.resource.MatchProfileSpec;
import dev.rivalry.operator.resource.MatchProfileStatus;
import dev.rivalry.operator.topic.TicketTopics;
import dev.rivalry.profiles.Profile;

/**
 * Keeps, for each MatchProfile: its verdict (condition {@code Accepted}), its ticket topic,
 * its engine Deployment and its place in the namespace's merged profiles ConfigMap.
 *
 * <p>An invalid spec changes nothing that runs: the last accepted spec (kept in the status)
 * stays in the ConfigMap and its engine keeps its replicas. A deleted MatchProfile leaves
 * the ConfigMap at once (so matchmakers stop giving it tickets), then keeps its engine until
 * no ticket waits in it, or until its tickets must have expired, then removes the engine
 * and, under {@link TopicPolicy#DELETE}, the topic. The status is refreshed every
 * {@code statusInterval} (engines ready, tickets waiting).
 */
@ControllerConfiguration(name = "matchprofiles")
public class MatchProfileReconciler implements Reconciler<MatchProfile>, Cleaner<MatchProfile> {

	private static final Logger logger = LoggerFactory.getLogger(MatchProfileReconciler.class);

	private final TicketTopics topics;

	private final EngineDeployments engines;

	private final ProfilesConfigMap configMap;

	private final WaitingTickets waiting;

	private final Settings settings;

	private final Clock clock;

	public MatchProfileReconciler(TicketTopics topics, EngineDeployments engines, ProfilesConfigMap configMap,
			WaitingTickets waiting, Settings settings, Clock clock) {
		this.topics = topics;
		this.engines = engines;
		this.configMap = configMap;
		this.waiting = waiting;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public UpdateControl<MatchProfile> reconcile(MatchProfile resource, Context<MatchProfile> context) {
		String source = resource.getMetadata().getNamespace() + "/" + resource.profileName();
		SpecVerdict verdict = ProfileDocuments.judge(source, resource.profileName(), resource.getSpec());
		MatchProfileStatus previous = resource.getStatus();
		MatchProfileSpec accepted = (verdict instanceof SpecVerdict.Accepted) ? resource.getSpec()
				: (previous != null) ? previous.accepted() : null;
		if (verdict instanceof SpecVerdict.Invalid invalid) {
			logger.warn("MatchProfile {} refused: {}", source, invalid.message());
		}
		String topic = Profile.TICKET_TOPIC_PREFIX + resource.profileName();
		Integer partitions = null;
		MatchProfileStatus.EngineStatus engine = null;
		// The file first: an engine started for a profile its file lacks stops at once.
		writeConfigMap(resource, accepted, context);
		if (accepted != null) {
			partitions = this.topics.ensure(topic);
			int replicas = Math.min(accepted.replicasOrDefault(), partitions);
			Deployment deployment = this.engines.apply(resource, replicas);
			engine = new MatchProfileStatus.EngineStatus(replicas, readyReplicas(deployment));
		}
		OptionalLong waitingNow = this.waiting.waiting(resource);
		MatchProfileStatus status = new MatchProfileStatus(resource.getMetadata().getGeneration(),
				List.of(Conditions.accepted(verdict, previous, resource.getMetadata().getGeneration(), this.clock)),
				accepted, topic, partitions, engine, waitingNow.isPresent() ? waitingNow.getAsLong() : null);
		resource.setStatus(status);
		return UpdateControl.patchStatus(resource).rescheduleAfter(this.settings.statusInterval());
	}

	@Override
	public DeleteControl cleanup(MatchProfile resource, Context<MatchProfile> context) {
		// First out of the matchmakers' file: no new ticket for this profile from here on.
		writeConfigMap(resource, null, context);
		MatchProfileSpec accepted = (resource.getStatus() != null) ? resource.getStatus().accepted() : null;
		if (accepted != null && !drained(resource, accepted)) {
			return DeleteControl.noFinalizerRemoval().rescheduleAfter(this.settings.drainPoll());
		}
		this.engines.delete(resource);
		if (this.settings.topicPolicy() == TopicPolicy.DELETE) {
			this.topics.delete(Profile.TICKET_TOPIC_PREFIX + resource.profileName());
		}
		logger.info("MatchProfile {}/{} removed: engine deleted, topic {}", resource.getMetadata().getNamespace(),
				resource.profileName(), (this.settings.topicPolicy() == TopicPolicy.DELETE) ? "deleted" : "kept");
		return DeleteControl.defaultDelete();
	}

	/**
	 * Whether the engine may go: the matchmakers have had time to read the file without the
	 * profile, and no ticket waits (or every ticket must have expired by now, when the
	 * engines do not say).
	 */
	private boolean drained(MatchProfile resource, MatchProfileSpec accepted) {
		Instant deleted = Instant.parse(resource.getMetadata().getDeletionTimestamp());
		Instant now = this.clock.instant();
		Instant propagated = deleted.plus(this.settings.propagation());
		if (now.isBefore(propagated)) {
			return false;
		}
		Instant expired = propagated.plus(ticketTtl(resource, accepted));
		OptionalLong waitingNow = this.waiting.waiting(resource);
		if (waitingNow.isPresent() && waitingNow.getAsLong() == 0) {
			return true;
		}
		return !now.isBefore(expired);
	}

	private static Duration ticketTtl(MatchProfile resource, MatchProfileSpec accepted) {
		SpecVerdict verdict = ProfileDocuments.judge(resource.profileName(), resource.profileName(), accepted);
		return (verdict instanceof SpecVerdict.Accepted ok) ? ok.profile().ticketTtl() : Duration.ZERO;
	}

	/**
	 * Rewrites the namespace's merged file from every MatchProfile's spec as it is now (its
	 * last accepted one when it is invalid), not from the others' statuses, which reconciles
	 * running in parallel may not have written yet. Listing and writing happen under one
	 * lock, so a write never carries an older list than the one before it.
	 */
	private void writeConfigMap(MatchProfile resource, MatchProfileSpec accepted, Context<MatchProfile> context) {
		String namespace = resource.getMetadata().getNamespace();
		synchronized (this.configMap) {
			List<Ranked> served = new ArrayList<>();
			for (MatchProfile other : context.getClient().resources(MatchProfile.class).inNamespace(namespace).list()
				.getItems()) {
				boolean self = other.profileName().equals(resource.profileName());
				MatchProfileSpec spec = self ? accepted : acceptedSpec(other);
				if (spec != null && !other.isDeleting() && !(self && resource.isDeleting())) {
					served.add(new Ranked(other.profileName(), spec.priorityOrDefault(), spec));
				}
			}
			this.configMap.write(namespace, served);
		}
	}

	private static MatchProfileSpec acceptedSpec(MatchProfile resource) {
		String source = resource.getMetadata().getNamespace() + "/" + resource.profileName();
		if (ProfileDocuments.judge(source, resource.profileName(), resource.getSpec()) instanceof SpecVerdict.Accepted) {
			return resource.getSpec();
		}
		return (resource.getStatus() != null) ? resource.getStatus().accepted() : null;
	}

	private static Integer readyReplicas(Deployment deployment) {
		return (deployment.getStatus() != null && deployment.getStatus().getReadyReplicas() != null)
				? deployment.getStatus().getReadyReplicas() : 0;
	}

	/** What happens to a deleted profile's topic. */
	public enum TopicPolicy {

		/** Kept, with its records: a profile made again under the same name finds them (the default). */
		KEEP,

		/** Deleted once the engine is gone. */
		DELETE

	}

	/**
	 * @param statusInterval how often a profile's status is refreshed
	 * @param propagation how long matchmakers may take to read a changed ConfigMap (the
	 * kubelet's sync period plus their own poll)
	 * @param drainPoll how often a deleted profile's engines are asked whether tickets wait
	 * @param topicPolicy what happens to a deleted profile's topic
	 */
	public record Settings(Duration statusInterval, Duration propagation, Duration drainPoll, TopicPolicy topicPolicy) {
	}

}
