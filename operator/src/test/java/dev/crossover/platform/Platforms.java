package dev.crossover.platform;

import dev.crossover.operator.Images;
import dev.crossover.api.v1alpha1.InferencePlatform;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** InferencePlatforms for tests, from YAML as a user writes them. */
final class Platforms {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Platforms() {}

  static InferencePlatform fromYaml(String yaml) {
    InferencePlatform platform = SERIALIZATION.unmarshal(yaml, InferencePlatform.class);
    if (platform.getMetadata().getNamespace() == null) {
      platform.getMetadata().setNamespace("models");
    }
    if (platform.getMetadata().getUid() == null) {
      platform.getMetadata().setUid("7d3c2a5e-0000-4000-8000-000000000001");
    }
    return platform;
  }

  static ResolvedPlatform resolved(String yaml) {
    return ResolvedPlatform.of(fromYaml(yaml), Images.defaults());
  }

  static final String LLAMA_8B = """
      apiVersion: crossover.dev/v1alpha1
      kind: InferencePlatform
      metadata:
        name: llama8b
      spec:
        model:
          name: hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4
          servedName: llama-3.1-8b
          hfTokenSecretRef: {name: hf-token}
        engine:
          replicas: 4
          maxNumSeqs: 128
          gpuMemoryUtilization: 0.85
        nodes:
          instanceType: g5.2xlarge
          capacityTypes: [on-demand, spot]
          nodeClass:
            ec2: {discoveryTag: my-cluster, dataVolumeSize: 300Gi}
      """;
}
