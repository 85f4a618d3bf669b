package dev.crossover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.PriceOverride;
import dev.crossover.aws.LocalAwsDouble.Fault;
import dev.crossover.aws.LocalAwsDouble.Gpu;
import dev.crossover.aws.LocalAwsDouble.InstanceTypeSpec;
import dev.crossover.cost.PriceCatalog;
import dev.crossover.cost.PriceKey;
import dev.crossover.cost.PriceOrigin;
import dev.crossover.cost.PriceQuote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real AWS SDK clients (eks, ec2, pricing, bedrock) against {@link LocalAwsDouble}, a local
 * TEST DOUBLE of the four services' wire protocols: happy paths, pagination, throttling that the
 * SDK retries, and access denied reported as a problem naming the IAM action.
 */
class AwsCallsAgainstLocalDoubleTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final String LLAMA_8B = "meta.llama3-1-8b-instruct-v1:0";
  static final String IMPORTED = "arn:aws:bedrock:us-east-1:111122223333:imported-model/abc123xyz";
  static final String PROVISIONED = "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/pt1";

  private LocalAwsDouble aws;
  private AwsFacts facts;

  @BeforeEach
  void start() throws Exception {
    aws = new LocalAwsDouble();
    aws.instanceTypes.put("g5.2xlarge", new InstanceTypeSpec("g5.2xlarge", 8, 32768, new Gpu("NVIDIA", "A10G", 1, 24576)));
    aws.instanceTypes.put("g5.12xlarge", new InstanceTypeSpec("g5.12xlarge", 48, 196608, new Gpu("NVIDIA", "A10G", 4, 24576)));
    aws.instanceTypes.put("g6e.xlarge", new InstanceTypeSpec("g6e.xlarge", 4, 32768, new Gpu("NVIDIA", "L40S", 1, 45776)));
    aws.cluster("demo", "1.31", "EXTENDED");
    aws.clusterVersionStatus.put("1.31", "EXTENDED_SUPPORT");
    aws.clusterVersionStatus.put("1.33", "STANDARD_SUPPORT");
    aws.foundationModels.add(new LocalAwsDouble.FoundationModel(LLAMA_8B, "Llama 3.1 8B Instruct", "Meta", true));
    aws.foundationModels.add(new LocalAwsDouble.FoundationModel("meta.llama3-1-70b-instruct-v1:0", "Llama 3.1 70B Instruct", "Meta", true));
    aws.foundationModels.add(new LocalAwsDouble.FoundationModel("amazon.titan-embed-text-v2:0", "Titan Text Embeddings V2", "Amazon", false));
    aws.importedModels.put(IMPORTED, 2);
    aws.provisionedModels.put(PROVISIONED, new LocalAwsDouble.Provisioned(PROVISIONED, "pt1", 3, "InService"));
    facts = startFacts(aws, Optional.of("demo"));
  }

  static AwsFacts startFacts(LocalAwsDouble aws, Optional<String> cluster) {
    return LocalAwsFacts.start(aws, cluster, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    facts.close();
    aws.close();
  }

  // ---- eks -----------------------------------------------------------------------------------

  @Test
  void describeClusterGivesNameVersionAndSupportTier() {
    ClusterFacts cluster = facts.cluster().cluster().known().orElseThrow();
    assertThat(cluster.name()).isEqualTo("demo");
    assertThat(cluster.kubernetesVersion()).isEqualTo("1.31");
    assertThat(cluster.supportType()).isEqualTo("EXTENDED");
    assertThat(cluster.versionStatus()).isEqualTo("EXTENDED_SUPPORT");
    assertThat(cluster.priceTier()).isEqualTo("extended");
    // Cached: a second reconcile does not call AWS again.
    facts.cluster().cluster();
    assertThat(aws.count("DescribeCluster")).isEqualTo(1);
  }

  @Test
  void anExtendedPolicyClusterOnACurrentVersionPaysStandard() {
    aws.cluster("demo", "1.33", "EXTENDED");
    ClusterFacts cluster = facts.cluster().cluster().known().orElseThrow();
    assertThat(cluster.priceTier()).isEqualTo("standard");
  }

  @Test
  void withoutAClusterNameTheOperatorIsNotOnEks() {
    try (AwsFacts offEks = startFacts(aws, Optional.empty())) {
      var fetched = offEks.cluster().cluster();
      assertThat(fetched).isInstanceOf(Fetched.Failed.class);
      assertThat(((Fetched.Failed<ClusterFacts>) fetched).problem().kind()).isEqualTo(AwsProblem.Kind.NOT_ON_EKS);
    }
    assertThat(aws.count("DescribeCluster")).isZero();
  }

  @Test
  void describeClusterThrottledIsRetriedThenSucceeds() {
    aws.fail("DescribeCluster", Fault.THROTTLE, 2);
    assertThat(facts.cluster().cluster().known()).map(ClusterFacts::name).contains("demo");
    assertThat(aws.count("DescribeCluster")).isEqualTo(3);
  }

  @Test
  void describeClusterDeniedIsReportedNamingTheAction() {
    aws.fail("DescribeCluster", Fault.DENY, 1);
    var fetched = facts.cluster().cluster();
    AwsProblem problem = ((Fetched.Failed<ClusterFacts>) fetched).problem();
    assertThat(problem.kind()).isEqualTo(AwsProblem.Kind.ACCESS_DENIED);
    assertThat(problem.kind().reason()).isEqualTo("AwsAccessDenied");
    assertThat(problem.message()).contains("eks:DescribeCluster").contains("AccessDeniedException").contains("docs/iam.md");
    assertThat(aws.count("DescribeCluster")).as("access denied is not retried").isEqualTo(1);
  }

  @Test
  void describeClusterThrottledBeyondTheRetriesIsReportedNotThrown() {
    aws.fail("DescribeCluster", Fault.THROTTLE, 10);
    AwsProblem problem = ((Fetched.Failed<ClusterFacts>) facts.cluster().cluster()).problem();
    assertThat(problem.kind()).isEqualTo(AwsProblem.Kind.THROTTLED);
    assertThat(aws.count("DescribeCluster")).as("max attempts").isEqualTo(3);
  }

  @Test
  void deniedClusterVersionsFallBackToThePolicyForThePriceTier() {
    aws.fail("DescribeClusterVersions", Fault.DENY, 1);
    ClusterFacts cluster = facts.cluster().cluster().known().orElseThrow();
    assertThat(cluster.versionStatus()).isNull();
    assertThat(cluster.priceTier()).isEqualTo("extended");
  }

  // ---- ec2 DescribeInstanceTypes ---------------------------------------------------------------

  @Test
  void describeInstanceTypesGivesAcceleratorFacts() {
    InstanceType g5 = facts.instanceTypes().lookup("g5.12xlarge").known().orElseThrow();
    assertThat(g5.gpus()).isEqualTo(4);
    assertThat(g5.gpuModel()).isEqualTo("NVIDIA A10G");
    assertThat(g5.gpuMemoryGiB()).isEqualTo(24.0);
    assertThat(g5.vcpus()).isEqualTo(48);
    assertThat(g5.memoryGiB()).isEqualTo(192.0);
    assertThat(g5.source()).startsWith("EC2 DescribeInstanceTypes");
    // The live figures replace the embedded ones in the catalog the fit check uses.
    InstanceType l40s = facts.instanceTypes().lookup("g6e.xlarge").known().orElseThrow();
    assertThat(facts.instanceTypes().catalogWith(new Fetched.Ok<>(l40s, NOW)).find("g6e.xlarge").orElseThrow().gpuMemoryGiB())
        .isEqualTo(45776 / 1024.0);
    assertThat(InstanceTypeCatalog.embedded().find("g6e.xlarge").orElseThrow().gpuMemoryGiB()).isEqualTo(48.0);
  }

  @Test
  void describeInstanceTypesFollowsNextToken() {
    aws.pageSize = 1;
    List<InstanceType> types = facts.instanceTypes().describe(List.of("g5.2xlarge", "g5.12xlarge", "g6e.xlarge"),
        Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(types).extracting(InstanceType::name).containsExactly("g5.2xlarge", "g5.12xlarge", "g6e.xlarge");
    assertThat(aws.count("DescribeInstanceTypes")).isEqualTo(3);
  }

  @Test
  void describeInstanceTypesThrottledIsRetriedThenSucceeds() {
    aws.fail("DescribeInstanceTypes", Fault.THROTTLE, 2);
    assertThat(facts.instanceTypes().lookup("g5.2xlarge").known()).map(InstanceType::gpus).contains(1);
    assertThat(aws.count("DescribeInstanceTypes")).isEqualTo(3);
  }

  @Test
  void describeInstanceTypesDeniedAndUnknownTypesAreReported() {
    aws.fail("DescribeInstanceTypes", Fault.DENY, 1);
    AwsProblem denied = ((Fetched.Failed<InstanceType>) facts.instanceTypes().lookup("g5.2xlarge")).problem();
    assertThat(denied.kind()).isEqualTo(AwsProblem.Kind.ACCESS_DENIED);
    assertThat(denied.message()).contains("ec2:DescribeInstanceTypes").contains("UnauthorizedOperation");
    AwsProblem unknown = ((Fetched.Failed<InstanceType>) facts.instanceTypes().lookup("g9.huge")).problem();
    assertThat(unknown.kind()).isEqualTo(AwsProblem.Kind.NOT_FOUND);
    assertThat(unknown.message()).contains("g9.huge");
  }

  // ---- pricing GetProducts and ec2 DescribeSpotPriceHistory -------------------------------------

  private void seedPrices() {
    aws.ec2OnDemand("g5.2xlarge", "us-east-1", "1.3000000000");
    aws.ec2OnDemand("g5.2xlarge", "eu-west-1", "1.5000000000");
    aws.ec2OnDemand("g5.12xlarge", "us-east-1", "5.6720000000");
    aws.spotPrices.add(new LocalAwsDouble.Spot("g5.2xlarge", "us-east-1a", "0.4100", NOW.minusSeconds(600)));
    aws.spotPrices.add(new LocalAwsDouble.Spot("g5.2xlarge", "us-east-1a", "0.4500", NOW.minusSeconds(60)));
    aws.spotPrices.add(new LocalAwsDouble.Spot("g5.2xlarge", "us-east-1b", "0.5200", NOW.minusSeconds(120)));
    aws.spotPrices.add(new LocalAwsDouble.Spot("g5.2xlarge", "us-east-1c", "0.3900", NOW.minusSeconds(30)));
    aws.spotPrices.add(new LocalAwsDouble.Spot("g5.12xlarge", "us-east-1a", "2.1000", NOW.minusSeconds(30)));
    aws.bedrockPrice("Llama 3.1 8B Instruct", "us-east-1", "USE1-MP:Llama3-1-8B-input-tokens", "1K tokens", "0.00025");
    aws.bedrockPrice("Llama 3.1 8B Instruct", "us-east-1", "USE1-MP:Llama3-1-8B-output-tokens", "1K tokens", "0.00030");
    aws.bedrockPrice("Llama 3.1 8B Instruct", "us-east-1", "USE1-MP:Llama3-1-8B-batch-input-tokens", "1K tokens", "0.000125");
  }

  @Test
  void refreshReadsOnDemandSpotAndBedrockPricesWithTheirSources() {
    seedPrices();
    facts.bedrock().foundationModels("us-east-1"); // the model's Pricing API name comes from ListFoundationModels
    var state = facts.prices().refresh(List.of("g5.2xlarge", "g5.12xlarge"), List.of(LLAMA_8B));
    assertThat(state.problems()).isEmpty();
    PriceCatalog catalog = facts.prices().catalog();

    PriceQuote onDemand = catalog.require(PriceKey.ec2OnDemand("g5.2xlarge"));
    assertThat(onDemand.origin()).isEqualTo(PriceOrigin.LIVE);
    assertThat(onDemand.usd()).isEqualByComparingTo("1.30");
    assertThat(onDemand.fetchedAt()).isEqualTo(NOW);
    assertThat(onDemand.provenance()).startsWith("AWS (Pricing API GetProducts AmazonEC2 us-east-1").contains("fetched " + NOW);

    PriceQuote spot = catalog.require(PriceKey.ec2Spot("g5.2xlarge"));
    assertThat(spot.usd()).as("latest price per zone, highest zone").isEqualByComparingTo("0.52");
    assertThat(spot.source()).contains("highest of 3 zone(s)").contains("us-east-1b");

    assertThat(catalog.require(PriceKey.bedrockInput(LLAMA_8B)).usd()).as("per 1K scaled to per 1M").isEqualByComparingTo("0.25");
    assertThat(catalog.require(PriceKey.bedrockOutput(LLAMA_8B)).usd()).isEqualByComparingTo("0.30");
    assertThat(catalog.require(PriceKey.bedrockInput(LLAMA_8B)).origin()).isEqualTo(PriceOrigin.LIVE);
  }

  @Test
  void refreshReadsTheOneYearNoUpfrontReservedRateFromTheSameProduct() {
    seedPrices();
    aws.ec2Reserved("g5.2xlarge", "us-east-1", "3yr", "standard", "No Upfront", "0.5000000000");
    aws.ec2Reserved("g5.2xlarge", "us-east-1", "1yr", "convertible", "No Upfront", "0.9000000000");
    aws.ec2Reserved("g5.2xlarge", "us-east-1", "1yr", "standard", "All Upfront", "0.0000000000");
    aws.ec2Reserved("g5.2xlarge", "us-east-1", "1yr", "standard", "No Upfront", "0.7630000000");
    facts.prices().refresh(List.of("g5.2xlarge", "g5.12xlarge"), List.of());
    PriceCatalog catalog = facts.prices().catalog();
    PriceQuote reserved = catalog.instanceHourly("g5.2xlarge", dev.crossover.api.v1alpha1.CostSpec.InstancePricing.Reserved);
    assertThat(reserved.usd()).isEqualByComparingTo("0.763");
    assertThat(reserved.origin()).isEqualTo(PriceOrigin.LIVE);
    assertThat(reserved.source()).contains("reserved 1yr standard No Upfront");
    // g5.12xlarge has no reserved term in the double: still no figure, never a guess.
    assertThat(catalog.find(PriceKey.ec2Reserved("g5.12xlarge"))).isEmpty();
  }

  @Test
  void spotHistoryFollowsNextToken() {
    seedPrices();
    aws.pageSize = 2;
    facts.prices().refresh(List.of("g5.2xlarge", "g5.12xlarge"), List.of());
    assertThat(aws.count("DescribeSpotPriceHistory")).as("5 spot entries, 2 per page").isEqualTo(3);
    assertThat(facts.prices().catalog().require(PriceKey.ec2Spot("g5.12xlarge")).usd()).isEqualByComparingTo("2.10");
  }

  @Test
  void getProductsPagesUntilAMatchingProduct() {
    aws.pageSize = 1;
    // Three products match the filters but only the last is BoxUsage: three pages are read.
    for (String usage : List.of("DedicatedUsage:g5.2xlarge", "HostBoxUsage:g5.2xlarge")) {
      aws.ec2OnDemand("g5.2xlarge", "us-east-1", "9.99");
      ((com.fasterxml.jackson.databind.node.ObjectNode) aws.products.getLast().getValue().path("product").path("attributes"))
          .put("usagetype", usage.startsWith("Host") ? "HostUsage:g5.2xlarge" : usage);
    }
    aws.ec2OnDemand("g5.2xlarge", "us-east-1", "1.2120000000");
    Optional<PriceQuote> quote = facts.prices().onDemand("g5.2xlarge", NOW);
    assertThat(quote).map(PriceQuote::usd).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.212"));
    assertThat(aws.count("GetProducts")).isEqualTo(3);
  }

  @Test
  void throttledPricingCallsAreRetriedThenSucceed() {
    seedPrices();
    aws.fail("GetProducts", Fault.THROTTLE, 2);
    aws.fail("DescribeSpotPriceHistory", Fault.THROTTLE, 2);
    var state = facts.prices().refresh(List.of("g5.2xlarge"), List.of());
    assertThat(state.problems()).isEmpty();
    assertThat(facts.prices().catalog().require(PriceKey.ec2OnDemand("g5.2xlarge")).origin()).isEqualTo(PriceOrigin.LIVE);
    assertThat(aws.count("GetProducts")).isEqualTo(3);
    assertThat(aws.count("DescribeSpotPriceHistory")).isEqualTo(3);
  }

  @Test
  void deniedPricingIsReportedAndTheEmbeddedPriceStays() {
    seedPrices();
    aws.fail("GetProducts", Fault.DENY, 1);
    aws.fail("DescribeSpotPriceHistory", Fault.DENY, 1);
    var state = facts.prices().refresh(List.of("g5.2xlarge"), List.of());
    assertThat(state.problems()).extracting(AwsProblem::kind).containsOnly(AwsProblem.Kind.ACCESS_DENIED);
    assertThat(state.problems()).extracting(AwsProblem::action)
        .containsExactly("pricing:GetProducts", "ec2:DescribeSpotPriceHistory");
    assertThat(state.lastSuccess()).isNull();
    PriceQuote price = facts.prices().catalog().require(PriceKey.ec2OnDemand("g5.2xlarge"));
    assertThat(price.origin()).isEqualTo(PriceOrigin.EMBEDDED);
    assertThat(price.usd()).isEqualByComparingTo("1.212");
  }

  @Test
  void pinnedBeatsLiveBeatsEmbeddedAndARefreshNeverDisplacesAPin() {
    seedPrices();
    facts.prices().refresh(List.of("g5.2xlarge"), List.of());
    PriceOverride pin = new PriceOverride();
    pin.setKey("ec2/g5.2xlarge");
    pin.setUsd("0.99");
    PriceCatalog pinned = facts.prices().catalog().withPins(List.of(pin));
    assertThat(pinned.require(PriceKey.ec2OnDemand("g5.2xlarge")).origin()).isEqualTo(PriceOrigin.PINNED);
    assertThat(pinned.require(PriceKey.ec2OnDemand("g5.2xlarge")).usd()).isEqualByComparingTo("0.99");
    assertThat(pinned.shadowedLivePrices()).extracting(q -> q.key().toString()).containsExactly("ec2/g5.2xlarge");
    assertThat(pinned.require(PriceKey.ec2OnDemand("p5.48xlarge")).origin()).as("AWS was not asked").isEqualTo(PriceOrigin.EMBEDDED);

    // AWS changes its price; the refresh lands in the live layer only.
    aws.products.clear();
    aws.ec2OnDemand("g5.2xlarge", "us-east-1", "1.4000000000");
    facts.prices().refresh(List.of("g5.2xlarge"), List.of());
    PriceCatalog after = facts.prices().catalog().withPins(List.of(pin));
    assertThat(after.require(PriceKey.ec2OnDemand("g5.2xlarge")).usd()).isEqualByComparingTo("0.99");
    assertThat(facts.prices().catalog().require(PriceKey.ec2OnDemand("g5.2xlarge")).usd()).isEqualByComparingTo("1.40");
  }

  // ---- bedrock --------------------------------------------------------------------------------

  @Test
  void listFoundationModelsChecksIdsAndStreaming() {
    BedrockFacts bedrock = facts.bedrock();
    assertThat(bedrock.check("us-east-1", LLAMA_8B)).isInstanceOf(BedrockFacts.ModelCheck.Usable.class);
    assertThat(bedrock.check("us-east-1", "us." + LLAMA_8B)).as("inference profile id").isInstanceOf(BedrockFacts.ModelCheck.Usable.class);
    var wrong = (BedrockFacts.ModelCheck.Wrong) bedrock.check("us-east-1", "meta.llama3-1-8b-instruct-v9:0");
    assertThat(wrong.reason()).isEqualTo("BedrockModelNotFound");
    assertThat(wrong.message()).contains("meta.llama3-1-8b-instruct-v9:0").contains("us-east-1").contains(LLAMA_8B);
    var notStreaming = (BedrockFacts.ModelCheck.Wrong) bedrock.check("us-east-1", "amazon.titan-embed-text-v2:0");
    assertThat(notStreaming.reason()).isEqualTo("BedrockModelNotStreaming");
    assertThat(aws.count("ListFoundationModels")).as("one call, cached").isEqualTo(1);
  }

  @Test
  void importedAndProvisionedModelsGiveTheirUnits() {
    var imported = (BedrockFacts.ModelCheck.Usable) facts.bedrock().check("us-east-1", IMPORTED);
    assertThat(imported.units()).contains(2);
    assertThat(facts.bedrock().importedModel("us-east-1", IMPORTED).known().orElseThrow().customModelUnitsPerCopy()).isEqualTo(2);
    var provisioned = (BedrockFacts.ModelCheck.Usable) facts.bedrock().check("us-east-1", PROVISIONED);
    assertThat(provisioned.units()).contains(3);
    var missing = (BedrockFacts.ModelCheck.Wrong) facts.bedrock().check("us-east-1", IMPORTED + "-gone");
    assertThat(missing.reason()).isEqualTo("BedrockModelNotFound");
    assertThat(missing.message()).contains(IMPORTED + "-gone");
  }

  @Test
  void bedrockThrottledIsRetriedAndDeniedLeavesTheModelUnchecked() {
    aws.fail("ListFoundationModels", Fault.THROTTLE, 2);
    assertThat(facts.bedrock().check("us-east-1", LLAMA_8B)).isInstanceOf(BedrockFacts.ModelCheck.Usable.class);
    assertThat(aws.count("ListFoundationModels")).isEqualTo(3);

    aws.fail("GetProvisionedModelThroughput", Fault.DENY, 1);
    var unchecked = (BedrockFacts.ModelCheck.Unchecked) facts.bedrock().check("us-east-1", PROVISIONED);
    assertThat(unchecked.why()).contains("bedrock:GetProvisionedModelThroughput").contains("AccessDeniedException");
  }

  @Test
  void disabledFactsCallNothing() {
    AwsFacts off = AwsFacts.disabled(AwsSettings.disabled());
    assertThat(off.cluster().cluster()).isInstanceOf(Fetched.Failed.class);
    assertThat(off.prices().catalog().require(PriceKey.ec2OnDemand("g5.2xlarge")).origin()).isEqualTo(PriceOrigin.EMBEDDED);
    assertThat(off.bedrock().check("us-east-1", "anything")).isInstanceOf(BedrockFacts.ModelCheck.Unchecked.class);
    assertThat(aws.served()).isEmpty();
  }

}
