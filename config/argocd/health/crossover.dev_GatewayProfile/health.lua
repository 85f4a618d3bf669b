-- Argo CD health of a Crossover GatewayProfile (crossover.dev/v1alpha1).
-- Ready=True: Healthy. replicas 0: Suspended. Ready=False because a backend does not exist, the
-- gateway could not be applied or a child's name is taken by an object Crossover does not
-- control: Degraded. Otherwise (backends without an endpoint yet, gateway
-- pods rolling out, no status yet, or status older than the spec): Progressing.
local hs = {}
local degraded = { BackendNotFound = true, ApplyFailed = true, ReconcileError = true, NotOwned = true }
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
