package dev.rivalry.operator.resource;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

/**
 * What the operator made of a MatchProfile.
 *
 * @param observedGeneration the generation of the spec this status describes
 * @param conditions {@code Accepted} (status {@code True}, or {@code False} with reason
 * {@code Invalid} and the reader's message naming each field)
 * @param accepted the spec last accepted: what the profiles ConfigMap and the engine run
 * while a later, invalid spec is refused
 * @param topic the profile's ticket topic
 * @param partitions the topic's partitions: the most engines that can share the profile
 * @param engine the engine Deployment's replicas
 * @param waiting tickets waiting in the engines' pools, from their {@code GET /v1/pools}
 * (null when no engine answered)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchProfileStatus(Long observedGeneration, List<Condition> conditions,
		@JsonPropertyDescription("The spec last accepted, which runs while a newer one is invalid.") MatchProfileSpec accepted,
		String topic, Integer partitions, EngineStatus engine, Long waiting) {

	/** The condition type: {@code True} when the spec is a valid profile. */
	public static final String ACCEPTED = "Accepted";

	/**
	 * @param replicas the engine replicas wanted (the spec's, capped at the partitions)
	 * @param readyReplicas engine replicas ready
	 */
	public record EngineStatus(Integer replicas, Integer readyReplicas) {
	}

}
