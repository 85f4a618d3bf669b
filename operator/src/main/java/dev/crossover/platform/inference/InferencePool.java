package dev.crossover.platform.inference;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Gateway API Inference Extension's InferencePool (inference.networking.k8s.io/v1): the
 * model server pods a Gateway routes to through the endpoint picker.
 */
@Group("inference.networking.k8s.io")
@Version("v1")
@Kind("InferencePool")
@Plural("inferencepools")
public class InferencePool extends CustomResource<InferencePoolSpec, InferencePoolStatus> implements Namespaced {
}
