/**
 * The crossover.dev/v1alpha1 API: InferencePlatform, GatewayProfile and BenchmarkRun.
 *
 * <p>Every field carries a description (shown by {@code kubectl explain}) and the validation the
 * API server can do at admission: OpenAPI ranges, enums and patterns on single fields, CEL rules
 * for constraints that span fields. CRDs in {@code crds/} are generated from these classes.
 */
package dev.crossover.api.v1alpha1;
