package dev.rivalry.operator.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import dev.rivalry.testsupport.StartupFailures;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad settings stop the operator's start with a message naming the property. */
class OperatorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(OperatorConfiguration.class)
		// Clients connect lazily: nothing here reaches a cluster or a broker.
		.withPropertyValues("rivalry.operator.kafka.bootstrap-servers=localhost:1", "rivalry.operator.namespaces=games");

	@Test
	void tooFewPartitionsStopTheStartNamingTheProperty() {
		this.runner.withPropertyValues("rivalry.operator.kafka.partitions=0")
			.run((context) -> assertThat(StartupFailures.messagesOf(context.getStartupFailure()))
				.contains("rivalry.operator.kafka.partitions"));
	}

	@Test
	void anUnknownTopicPolicyStopsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("rivalry.operator.topic-policy=archive")
			.run((context) -> assertThat(StartupFailures.messagesOf(context.getStartupFailure()))
				.contains("rivalry.operator.topic-policy"));
	}

	@Test
	void aMissingEngineTemplateStopsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("rivalry.operator.engine.template=file:/nowhere/deployment.yml")
			.run((context) -> assertThat(StartupFailures.messagesOf(context.getStartupFailure()))
				.contains("rivalry.operator.engine.template"));
	}

}
