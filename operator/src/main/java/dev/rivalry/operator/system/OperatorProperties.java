package dev.rivalry.operator.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.rivalry.operator.reconcile.MatchProfileReconciler.TopicPolicy;

/**
 * The operator's settings ({@code rivalry.operator.*}, docs/configuration.md).
 *
 * @param namespaces the namespaces whose MatchProfiles it serves; empty for its own
 * @param leaderElection whether replicas elect one that reconciles (a Lease named
 * {@code rivalry-operator}); off only where one replica runs
 * @param serverSideApply whether finalizers and status are written by server-side apply
 * (every API server since Kubernetes 1.22); off for a server that lacks it, such as
 * fabric8's mock server
 * @param kafka where ticket topics are made
 * @param profiles the merged profiles ConfigMap
 * @param engine the engine Deployments
 * @param statusInterval how often each profile's status is refreshed
 * @param propagation how long the services may take to read a changed ConfigMap: a deleted
 * profile's engine stays at least this long
 * @param drainPoll how often a deleted profile's engines are asked whether tickets wait
 * @param topicPolicy {@code keep} (default) or {@code delete} a deleted profile's topic
 */
@ConfigurationProperties("rivalry.operator")
@Validated
public record OperatorProperties(@DefaultValue List<@Pattern(regexp = "[a-z0-9]([-a-z0-9]*[a-z0-9])?") String> namespaces,
		@DefaultValue("true") boolean leaderElection, @DefaultValue("true") boolean serverSideApply,
		@DefaultValue @Valid Kafka kafka,
		@DefaultValue @Valid Profiles profiles, @DefaultValue @Valid Engine engine,
		@DefaultValue("15s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration statusInterval,
		@DefaultValue("90s") @NotNull @DurationMax(hours = 1) Duration propagation,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration drainPoll,
		@DefaultValue("keep") @NotNull TopicPolicy topicPolicy) {

	/**
	 * @param bootstrapServers the brokers
	 * @param partitions partitions of a new ticket topic: the most engines one profile can have
	 * @param replicationFactor replicas of a new ticket topic; -1 for the brokers' default
	 * @param properties more admin client settings (security.protocol, sasl.*, ssl.*)
	 * @param timeout bound on each call to Kafka
	 */
	public record Kafka(@DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
			@DefaultValue("12") @Min(1) @Max(10000) int partitions,
			@DefaultValue("-1") @Min(-1) @Max(32767) int replicationFactor,
			@DefaultValue Map<String, String> properties,
			@DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration timeout) {
	}

	/**
	 * @param configMap the ConfigMap's name
	 * @param key its key holding the file
	 */
	public record Profiles(@DefaultValue("rivalry-profiles") @NotBlank String configMap,
			@DefaultValue("profiles.yml") @NotBlank String key) {
	}

	/**
	 * @param template a Spring resource location of the engine Deployment template (YAML)
	 * @param namePrefix put before a profile's name to name its Deployment
	 * @param managementPort the engines' management port ({@code GET /v1/pools})
	 * @param timeout bound on an engine's answer
	 */
	public record Engine(@DefaultValue("classpath:engine-template.yml") @NotBlank String template,
			@DefaultValue("rivalry-engine-") @NotBlank String namePrefix,
			@DefaultValue("9082") @Min(1) @Max(65535) int managementPort,
			@DefaultValue("2s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration timeout) {
	}

}
