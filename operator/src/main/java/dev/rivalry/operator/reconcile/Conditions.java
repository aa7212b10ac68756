package dev.rivalry.operator.reconcile;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import dev.rivalry.operator.profile.SpecVerdict;
import dev.rivalry.operator.resource.MatchProfileStatus;

/** The {@code Accepted} condition, with its transition time kept while its status holds. */
final class Conditions {

	private Conditions() {
	}

	static Condition accepted(SpecVerdict verdict, MatchProfileStatus previous, Long generation, Clock clock) {
		boolean ok = verdict instanceof SpecVerdict.Accepted;
		String status = ok ? "True" : "False";
		String message = (verdict instanceof SpecVerdict.Invalid invalid) ? invalid.message()
				: "The spec is a valid profile";
		String since = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		if (previous != null && previous.conditions() != null) {
			for (Condition condition : previous.conditions()) {
				if (MatchProfileStatus.ACCEPTED.equals(condition.getType()) && status.equals(condition.getStatus())) {
					since = condition.getLastTransitionTime();
				}
			}
		}
		return new ConditionBuilder().withType(MatchProfileStatus.ACCEPTED).withStatus(status)
			.withReason(ok ? "Valid" : "Invalid").withMessage(message).withObservedGeneration(generation)
			.withLastTransitionTime(since).build();
	}

}
