-- Argo CD health of a Crossover InferencePlatform (crossover.dev/v1alpha1).
-- Ready=True: Healthy. engine.replicas 0: Suspended. Ready=False for a reason only a person can
-- fix (the model does not fit, a missing CRD, Secret or Gateway, a child's name taken by an object
-- Crossover does not control, an API error): Degraded. Otherwise (nodes launching, pods starting,
-- a rollout, no status yet, or status older than the spec): Progressing.
local hs = {}
local degraded = {
  ModelDoesNotFit = true, KarpenterNotInstalled = true, EC2NodeClassNotInstalled = true,
  DiscoveryTagUnknown = true, SecretNotFound = true, SecretKeyNotFound = true,
  InferenceExtensionNotInstalled = true, GatewayNotFound = true, ReconcileError = true,
  NotOwned = true
}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report status"
  return hs
end
local generation = obj.metadata.generation
if generation ~= nil and (obj.status.observedGeneration == nil or obj.status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end
local ready = nil
if obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "Ready" then
      ready = c
    end
  end
end
if ready == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the Ready condition"
  return hs
end
hs.message = ready.message or ready.reason or ""
if ready.status == "True" then
  hs.status = "Healthy"
elseif ready.reason == "ScaledToZero" then
  hs.status = "Suspended"
elseif degraded[ready.reason] then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end
return hs
