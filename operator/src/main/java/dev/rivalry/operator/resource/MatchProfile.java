package dev.rivalry.operator.resource;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * {@code matchprofiles.rivalry.dev/v1}: one match profile, as one entry of the profile file
 * ({@code docs/profiles.md}) with its name in {@code metadata.name}, plus where it stands
 * among the others ({@code spec.priority}) and how many engines serve it
 * ({@code spec.engine.replicas}). The CRD is generated from this class at build time.
 */
@Group(MatchProfile.GROUP)
@Version(MatchProfile.VERSION)
@ShortNames("mprof")
@AdditionalPrinterColumn(name = "Accepted", jsonPath = ".status.conditions[?(@.type==\"Accepted\")].status")
@AdditionalPrinterColumn(name = "Priority", jsonPath = ".spec.priority", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.engine.readyReplicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Waiting", jsonPath = ".status.waiting", type = AdditionalPrinterColumn.Type.INTEGER)
public class MatchProfile extends CustomResource<MatchProfileSpec, MatchProfileStatus> implements Namespaced {

	public static final String GROUP = "rivalry.dev";

	public static final String VERSION = "v1";

	private static final long serialVersionUID = 1L;

	/** @return the profile's name: the resource's name */
	@JsonIgnore
	public String profileName() {
		return getMetadata().getName();
	}

	/** @return true once the resource is being deleted (its finalizer holds it for the drain) */
	@JsonIgnore
	public boolean isDeleting() {
		return getMetadata().getDeletionTimestamp() != null;
	}

}
