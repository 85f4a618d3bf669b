# Crossover — developer entry points. Everything slow (Kubernetes binaries, simulator, images)
# is built once into ~/.cache/crossover, keyed by version.
MVNW := ./mvnw -B
SCRIPTS := e2e/scripts

.PHONY: help demo test unit e2e build crds config helm-lint run tools cluster-up cluster-down bench bench-platforms bench-gateways bench-loadgen clean

help:
	@echo "make demo          local cluster + operator + samples, then what Crossover reports"
	@echo "make test          every test: unit, API-server, operator process, loadgen, e2e cluster"
	@echo "make unit          Maven tests only (real kube-apiserver, simulator; no cluster)"
	@echo "make e2e           e2e suite on a fresh local cluster, torn down afterwards"
	@echo "make crds          regenerate crds/ from the API types (and the chart's copy, config/default)"
	@echo "make helm-lint     helm lint --strict and the chart, kustomize and Argo CD/Prometheus config tests"
	@echo "make run           run the operator against the current kubeconfig"
	@echo "make cluster-up    bring up the local single-node cluster (cluster-down removes it)"
	@echo "make bench         operator scale, gateway added latency, loadgen vs inference-perf and GuideLLM (prints figures)"

demo:
	bash $(SCRIPTS)/demo.sh

test: unit e2e

tools:
	bash $(SCRIPTS)/build-kube.sh kube-apiserver kubectl etcd
	bash $(SCRIPTS)/build-sim.sh
	bash $(SCRIPTS)/build-gateways.sh
	bash $(SCRIPTS)/fetch-crds.sh
	bash $(SCRIPTS)/build-tools.sh
	bash $(SCRIPTS)/fetch-monitoring-crds.sh

unit: tools
	$(MVNW) verify -pl '!e2e'

e2e:
	bash $(SCRIPTS)/run-e2e.sh

build:
	$(MVNW) package -DskipTests

crds:
	$(MVNW) -q -pl loadgen -am install -DskipTests
	$(MVNW) -q -pl operator test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
	  -Dexec.mainClass=dev.crossover.crd.CrdFiles -Dexec.classpathScope=test -Dexec.args="$(CURDIR)/crds"
	cp crds/*.yaml helm/crossover/crds/
	$(MAKE) config

# config/default (kustomize) from the chart's defaults; KustomizeInstallTest fails when stale.
config:
	bash $(SCRIPTS)/build-tools.sh >/dev/null
	$(MVNW) -q -pl loadgen -am install -DskipTests
	$(MVNW) -q -pl operator test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
	  -Dexec.mainClass=dev.crossover.deploy.KustomizeFiles -Dexec.classpathScope=test -Dexec.args="$(CURDIR)/config/default"

helm-lint: tools
	"$$(bash $(SCRIPTS)/build-tools.sh helm)" lint --strict helm/crossover
	$(MVNW) -q -pl loadgen -am install -DskipTests
	$(MVNW) -pl operator verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dtest='HelmChartTest,ChartOnRealApiServerTest,KustomizeInstallTest,ArgoHealthChecksTest,MonitoringConfigTest'

run: build
	"$$(bash $(SCRIPTS)/jdk.sh)/bin/java" -jar operator/target/quarkus-app/quarkus-run.jar

# Benchmarks print their figures; they assert nothing about speed.
bench: bench-platforms bench-gateways bench-loadgen

bench-platforms: tools
	$(MVNW) -q -pl loadgen -am install -DskipTests
	$(MVNW) -q -pl operator package -DskipTests
	$(MVNW) -q -pl operator test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
	  -Dexec.mainClass=dev.crossover.bench.PlatformScaleBench -Dexec.classpathScope=test -Dexec.args="$${PLATFORMS:-200}"

bench-gateways: tools
	$(MVNW) -q -pl loadgen -am install -DskipTests
	$(MVNW) -q -pl operator test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
	  -Dexec.mainClass=dev.crossover.gateway.GatewayOverheadBench -Dexec.classpathScope=test \
	  -Dexec.args="$$(ls $(CURDIR)/loadgen/target/crossover-loadgen-*-all.jar) 15 2 1,10,100"

# loadgen, inference-perf and GuideLLM against the simulator: rates and streams each holds within
# 5 ms TTFT error (p50 and p99), CPU per 1,000 requests (~27 min; GuideLLM's first run installs ~6 GB).
bench-loadgen: tools
	$(MVNW) -q -pl loadgen package -DskipTests
	RATES="$${RATES:-100 200 400 800}" STREAMS="$${STREAMS:-25 50 100 200}" DURATION="$${DURATION:-8}" \
	  bash loadgen/bench/capacity.sh

cluster-up:
	bash $(SCRIPTS)/cluster-up.sh

cluster-down:
	bash $(SCRIPTS)/cluster-down.sh

clean:
	$(MVNW) -q clean
