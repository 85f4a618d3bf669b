-- Argo CD health of a Crossover BenchmarkRun (crossover.dev/v1alpha1).
-- Complete=True: Healthy (the results are in status). Failed=True, or an API error: Degraded.
-- Pending (targets not ready) and Running (load Jobs measuring): Progressing, as are a missing
-- status and a status older than the spec.
local hs = {}
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
local conditions = {}
if obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    conditions[c.type] = c
  end
end
local function isTrue(type)
  return conditions[type] ~= nil and conditions[type].status == "True"
end
if isTrue("Failed") then
  hs.status = "Degraded"
  hs.message = conditions["Failed"].message or conditions["Failed"].reason or "Failed"
  return hs
end
if isTrue("Complete") then
  hs.status = "Healthy"
  hs.message = conditions["Complete"].message or "Complete"
  if obj.status.recommendation ~= nil then
    hs.message = hs.message .. " " .. obj.status.recommendation
  end
  return hs
end
local ready = conditions["Ready"]
if ready ~= nil and ready.status == "False" and ready.reason == "ReconcileError" then
  hs.status = "Degraded"
  hs.message = ready.message or ready.reason
  return hs
end
hs.status = "Progressing"
if obj.status.phase == "Running" and obj.status.progress ~= nil then
  hs.message = "Running: " .. obj.status.progress .. " levels done"
elseif ready ~= nil then
  hs.message = ready.message or ready.reason or ""
else
  hs.message = obj.status.phase or "Pending"
end
return hs
