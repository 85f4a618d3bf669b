{{/*
What the operator calls, and nothing more. Each rule names the code that needs it; the chart tests
run the reconcilers against a real kube-apiserver as this ServiceAccount (impersonated) to prove
the list is complete, and fail on any "*".
*/}}

{{/* Cluster-scoped objects, and reads that may cross namespaces. */}}
{{- define "crossover.clusterRules" -}}
# CrdPresence (is Karpenter / Gateway API / Inference Extension installed?) and the operator
# SDK's check of its own CRDs at start-up.
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  verbs: ["get"]
# InferencePlatform status.nodes: instance type and capacity type of the nodes its pods run on.
- apiGroups: [""]
  resources: ["nodes"]
  verbs: ["get"]
# InferencePlatform: the Karpenter NodePool (watched by label) and EC2NodeClass it renders; the
# finalizer deletes both by label.
- apiGroups: ["karpenter.sh"]
  resources: ["nodepools"]
  verbs: ["get", "list", "watch", "create", "patch", "delete", "deletecollection"]
- apiGroups: ["karpenter.k8s.aws"]
  resources: ["ec2nodeclasses"]
  verbs: ["get", "list", "create", "patch", "delete", "deletecollection"]
# PrefixCacheAware routing: the referenced Gateway (any namespace), read for its address.
- apiGroups: ["gateway.networking.k8s.io"]
  resources: ["gateways"]
  verbs: ["get"]
# GatewayProfile and BenchmarkRun resolve platformRef / gatewayRef, which may name another namespace.
- apiGroups: ["crossover.dev"]
  resources: ["inferenceplatforms", "gatewayprofiles"]
  verbs: ["get"]
{{- end -}}

{{/* Rights inside each watched namespace (all namespaces unless watchNamespaces is set). */}}
{{- define "crossover.namespacedRules" -}}
# The three reconcilers' own resources: informers, finalizers, server-side-applied status.
- apiGroups: ["crossover.dev"]
  resources: ["inferenceplatforms", "gatewayprofiles", "benchmarkruns"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["crossover.dev"]
  resources: ["inferenceplatforms/status", "gatewayprofiles/status", "benchmarkruns/status"]
  verbs: ["get", "patch", "update"]
# Children carry owner references with blockOwnerDeletion, which (with the
# OwnerReferencesPermissionEnforcement admission plugin) needs update on the owner's finalizers.
- apiGroups: ["crossover.dev"]
  resources: ["inferenceplatforms/finalizers", "gatewayprofiles/finalizers", "benchmarkruns/finalizers"]
  verbs: ["update"]
# Model server, endpoint picker and gateway Deployments and Services (owned, watched). Every
# child is read before it is applied (ChildWriter: never take over an object of the same name
# the resource does not control), and deleted once no longer desired (the picker after routing
# leaves PrefixCacheAware, the gateway after type Native; a gateway Deployment with an older
# selector is replaced).
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# Gateway and endpoint-picker configuration; BenchmarkRun's load plan, result and report.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "create", "update", "patch", "delete"]
# The HF token Secret is read (existence and key); gateway master/tenant key Secrets are created once.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "create", "patch"]
# BenchmarkRun: the load Jobs (owned, watched), their pods and the result line in each pod's log;
# InferencePlatform: which nodes its model server pods run on. The endpoint picker's Role also
# grants watch on pods, which the operator must hold itself to grant it.
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get"]
# BenchmarkRun Events along the way (LoadJobLaunched, LevelMeasured, RunSucceeded, ...).
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create"]
# Bifrost balance: Pods reads the ready model-server pods from the Service's EndpointSlices.
- apiGroups: ["discovery.k8s.io"]
  resources: ["endpointslices"]
  verbs: ["list"]
# The endpoint picker's ServiceAccount, Role and RoleBinding. Kubernetes lets the operator create
# that Role only because it holds every right the Role grants (pods, inferencepools,
# inferenceobjectives: get/list/watch); it has no escalate or bind rights.
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["get", "create", "patch", "delete"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "create", "patch", "delete"]
- apiGroups: ["inference.networking.k8s.io"]
  resources: ["inferencepools"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["inference.networking.x-k8s.io"]
  resources: ["inferenceobjectives"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["gateway.networking.k8s.io"]
  resources: ["httproutes"]
  verbs: ["get", "create", "patch", "delete"]
{{- end -}}

{{/* Leader election, in the Lease's namespace only. fabric8's LeaseLock gets and creates the
Lease and renews it with patch (update when taking it over); create cannot be narrowed to one
name, the others are. */}}
{{- define "crossover.leaseRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["create"]
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  resourceNames: [{{ .Values.leaderElection.leaseName | quote }}]
  verbs: ["get", "update", "patch"]
{{- end -}}
