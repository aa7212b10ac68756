package dev.rivalry.operator.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Owner references that make a MatchProfile's engine go with it. */
final class OwnerReferences {

	private OwnerReferences() {
	}

	static OwnerReference controlledBy(HasMetadata owner) {
		return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
			.withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
			.withBlockOwnerDeletion(true).build();
	}

}
