package dev.rivalry.profiles.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code rivalry.profiles.reload{outcome}} in the service's registry, looked up at the
 * first outcome (the registry may be made after this module's beans); nothing without one.
 */
final class MeterReloadOutcomes implements ReloadOutcomes {

	static final String NAME = "rivalry.profiles.reload";

	private final ObjectProvider<MeterRegistry> registry;

	MeterReloadOutcomes(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void applied() {
		count("applied");
	}

	@Override
	public void refused() {
		count("refused");
	}

	private void count(String outcome) {
		this.registry.ifAvailable((meters) -> Counter.builder(NAME).tag("outcome", outcome)
			.description("New versions of the profile file, by what became of them").register(meters).increment());
	}

}
