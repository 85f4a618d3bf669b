/**
 * GatewayProfile: LiteLLM, Bifrost or the native path in front of InferencePlatforms, external
 * OpenAI-compatible URLs and Bedrock models.
 *
 * <p>Renderers are pure functions of the spec and the resolved backends ({@link
 * dev.crossover.gateway.LiteLlmConfig}, {@link dev.crossover.gateway.BifrostConfig}, {@link
 * dev.crossover.gateway.GatewayObjects}); {@link dev.crossover.gateway.GatewaySync} resolves
 * backends and server-side applies the owned children; the reconciler runs it and re-resolves
 * periodically so a gateway follows its platforms' endpoints (and pods).
 *
 * <p>Decisions:
 * <ul>
 *   <li><b>Model names.</b> Clients send the model name the backend serves, through either
 *       gateway, exactly as they would to vLLM directly, so paired runs (direct vs gateway) send
 *       identical requests. LiteLLM: one model group per served model, backends of the same
 *       model balanced by weight. Bifrost: the virtual keys' weighted provider configs route bare
 *       names; {@code vllm/<model>} also works.
 *   <li><b>Keys.</b> The master key (given or generated into {@code <name>-master-key}) exists
 *       only in a Secret and reaches the gateway as an environment variable referenced from the
 *       config ({@code os.environ/LITELLM_MASTER_KEY}, {@code env.BIFROST_MASTER_KEY}); status
 *       carries the Secret's name only. Generated keys are created once, never rewritten. For
 *       Bifrost the master key is an unlimited virtual key and inference always requires a key.
 *   <li><b>Tenants on LiteLLM need a database.</b> LiteLLM stores virtual keys, budgets and rate
 *       limits in PostgreSQL only; without one it accepts the master key alone (an unknown key
 *       gets 400 "No connected db", shown against the real proxy). A profile with tenants and no
 *       {@code litellm.databaseUrlSecretRef} still deploys, and condition TenantsEnforced=False
 *       (DatabaseRequired) says the tenants are not enforced and what to do. With a database the
 *       URL is wired ({@code general_settings.database_url}); creating the tenants' keys through
 *       LiteLLM's /key/generate API is not built yet (TenantsEnforced=Unknown, NotImplemented).
 *       Bifrost needs no external database: tenants are virtual keys in config.json with their
 *       rate limits (requests and tokens per minute) and budgets, enforced per pod from a SQLite
 *       store in the pod (several replicas each enforce the full limit on their share).
 *   <li><b>Bifrost balancing.</b> Each backend URL is a key of Bifrost's built-in vllm provider
 *       with its weight; Bifrost picks keys by weight per request (3:1 measured as 0.73-0.78 on
 *       400 requests). With {@code balance: Pods} the URLs are the ready addresses of the
 *       platform Service's EndpointSlices, the backend's weight split evenly across them, sorted
 *       so the config hash only changes when the pod set does.
 *   <li><b>No calls out.</b> LiteLLM: LITELLM_TELEMETRY=False, LITELLM_LOCAL_MODEL_COST_MAP=True,
 *       telemetry off in litellm_settings. Bifrost: pricing, model-parameter and MCP catalogs are
 *       local files from the ConfigMap (empty catalogs: Bifrost counts $0 for self-hosted models,
 *       so tenant budgets bound spend only where a price exists), no exporter plugins.
 *   <li><b>Type changes.</b> The Deployment, Service and ConfigMap are named after the profile, not
 *       the type, and the selector does not name the type (a Deployment's selector is immutable):
 *       LiteLLM to Bifrost rolls the same Deployment to the other image, the ConfigMap loses the
 *       old file (server-side apply drops what the operator's field manager no longer writes), the
 *       Service changes port. Native deletes all three. A Deployment still carrying an older,
 *       type-naming selector is deleted and created again (ChildWriter), not rejected forever.
 *   <li><b>Probes.</b> LiteLLM /health/liveliness (liveness, startup) and /health/readiness
 *       (readiness), never /health, which calls every model. Bifrost /health.
 * </ul>
 */
package dev.crossover.gateway;
