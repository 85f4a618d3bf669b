package dev.crossover.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TEST DOUBLE of the four AWS APIs the operator calls, on loopback, speaking each service's
 * wire protocol so the real AWS SDK clients parse its answers: EKS and Bedrock (REST-JSON),
 * the Pricing API (AWS JSON 1.1, X-Amz-Target, PriceList as JSON strings) and EC2 (the query
 * protocol: form POST in, XML out). Its answers come from the state a test puts in it, its pages
 * follow the services' NextToken/nextToken contracts, and queued faults answer a call the way AWS
 * throttles (EC2 503 RequestLimitExceeded, JSON 1.1 400 ThrottlingException, REST-JSON 429) or
 * denies it (403 UnauthorizedOperation / AccessDeniedException). Requests must be SigV4-signed
 * for the right service. It records every operation it served.
 */
public final class LocalAwsDouble implements AutoCloseable {

  public enum Fault { THROTTLE, DENY }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

  public record Gpu(String manufacturer, String name, int count, int memoryMiB) {}

  public record InstanceTypeSpec(String name, int vcpus, int memoryMiB, Gpu gpu) {}

  public record Spot(String instanceType, String zone, String price, Instant timestamp) {}

  public record FoundationModel(String modelId, String modelName, String provider, boolean streaming) {}

  public record Provisioned(String arn, String name, int modelUnits, String status) {}

  private final HttpServer server;
  /** Items per page for paginated operations. */
  public volatile int pageSize = 100;
  public final Map<String, Map<String, String>> clusters = new ConcurrentHashMap<>();
  public final Map<String, String> clusterVersionStatus = new ConcurrentHashMap<>();
  public final Map<String, InstanceTypeSpec> instanceTypes = new ConcurrentHashMap<>();
  public final List<Spot> spotPrices = new CopyOnWriteArrayList<>();
  /** Pricing API products: service code and the product JSON (product.attributes, terms). */
  public final List<Map.Entry<String, ObjectNode>> products = new CopyOnWriteArrayList<>();
  public final List<FoundationModel> foundationModels = new CopyOnWriteArrayList<>();
  /** Imported model ARN to Custom Model Units per copy. */
  public final Map<String, Integer> importedModels = new ConcurrentHashMap<>();
  public final Map<String, Provisioned> provisionedModels = new ConcurrentHashMap<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<String> served = new CopyOnWriteArrayList<>();

  public LocalAwsDouble() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next {@code times} calls of this operation (e.g. "GetProducts") answer with this fault. */
  public void fail(String operation, Fault fault, int times) {
    Deque<Fault> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(fault);
      }
    }
  }

  /** Operations answered so far, in order, faults included. */
  public List<String> served() {
    return List.copyOf(served);
  }

  public long count(String operation) {
    return served.stream().filter(operation::equals).count();
  }

  // ---- state helpers -------------------------------------------------------------------------

  public void cluster(String name, String version, String supportType) {
    clusters.put(name, Map.of("version", version, "supportType", supportType));
  }

  public void ec2OnDemand(String instanceType, String region, String usdPerHour) {
    ObjectNode p = JSON.createObjectNode();
    String sku = "SKU" + Math.abs((instanceType + region).hashCode());
    ObjectNode product = p.putObject("product");
    product.put("productFamily", "Compute Instance");
    product.put("sku", sku);
    ObjectNode a = product.putObject("attributes");
    a.put("instanceType", instanceType);
    a.put("regionCode", region);
    a.put("operatingSystem", "Linux");
    a.put("tenancy", "Shared");
    a.put("preInstalledSw", "NA");
    a.put("capacitystatus", "Used");
    a.put("usagetype", "BoxUsage:" + instanceType);
    a.put("servicecode", "AmazonEC2");
    p.put("serviceCode", "AmazonEC2");
    onDemandTerm(p, sku, "Hrs", usdPerHour, "$" + usdPerHour + " per On Demand Linux " + instanceType + " Instance Hour");
    p.put("version", "20261101000000");
    p.put("publicationDate", "2026-11-01T00:00:00Z");
    products.add(Map.entry("AmazonEC2", p));
  }

  /** A reserved term on the instance type's product (added by ec2OnDemand first): hourly rate, no upfront fee modelled. */
  public void ec2Reserved(String instanceType, String region, String lease, String offeringClass, String purchaseOption,
      String usdPerHour) {
    ObjectNode p = (ObjectNode) products.stream().map(Map.Entry::getValue)
        .filter(x -> instanceType.equals(x.path("product").path("attributes").path("instanceType").asText())
            && region.equals(x.path("product").path("attributes").path("regionCode").asText()))
        .findFirst().orElseThrow();
    String sku = p.path("product").path("sku").asText();
    String code = "R" + Math.abs((lease + offeringClass + purchaseOption).hashCode());
    ObjectNode reserved = p.path("terms").has("Reserved") ? (ObjectNode) p.path("terms").path("Reserved")
        : ((ObjectNode) p.path("terms")).putObject("Reserved");
    ObjectNode term = reserved.putObject(sku + "." + code);
    term.put("sku", sku);
    term.put("offerTermCode", code);
    ObjectNode dim = term.putObject("priceDimensions").putObject(sku + "." + code + ".6YS6EN2CT7");
    dim.put("unit", "Hrs");
    dim.put("description", "Linux/UNIX (Amazon VPC), " + instanceType + " reserved instance applied");
    dim.putObject("pricePerUnit").put("USD", usdPerHour);
    ObjectNode a = term.putObject("termAttributes");
    a.put("LeaseContractLength", lease);
    a.put("OfferingClass", offeringClass);
    a.put("PurchaseOption", purchaseOption);
  }

  public void bedrockPrice(String modelName, String region, String usagetype, String unit, String usd) {
    ObjectNode p = JSON.createObjectNode();
    String sku = "SKU" + Math.abs((modelName + usagetype).hashCode());
    ObjectNode product = p.putObject("product");
    product.put("productFamily", "Amazon Bedrock");
    product.put("sku", sku);
    ObjectNode a = product.putObject("attributes");
    a.put("model", modelName);
    a.put("regionCode", region);
    a.put("usagetype", usagetype);
    a.put("servicecode", "AmazonBedrock");
    p.put("serviceCode", "AmazonBedrock");
    onDemandTerm(p, sku, unit, usd, usagetype);
    products.add(Map.entry("AmazonBedrock", p));
  }

  private static void onDemandTerm(ObjectNode p, String sku, String unit, String usd, String description) {
    ObjectNode term = p.putObject("terms").putObject("OnDemand").putObject(sku + ".JRTCKXETXF");
    term.put("sku", sku);
    term.put("offerTermCode", "JRTCKXETXF");
    term.put("effectiveDate", "2026-11-01T00:00:00Z");
    ObjectNode dim = term.putObject("priceDimensions").putObject(sku + ".JRTCKXETXF.6YS6EN2CT7");
    dim.put("unit", unit);
    dim.put("beginRange", "0");
    dim.put("endRange", "Inf");
    dim.put("description", description);
    dim.putArray("appliesTo");
    dim.put("rateCode", sku + ".JRTCKXETXF.6YS6EN2CT7");
    dim.putObject("pricePerUnit").put("USD", usd);
    term.putObject("termAttributes");
  }

  // ---- dispatch ------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      String path = ex.getRequestURI().getRawPath();
      if (target != null) {
        pricing(ex, auth, target, body);
      } else if ("POST".equals(ex.getRequestMethod())) {
        ec2(ex, auth, form(new String(body, StandardCharsets.UTF_8)));
      } else if (path.startsWith("/clusters/") || path.equals("/cluster-versions")) {
        eks(ex, auth, path);
      } else {
        bedrock(ex, auth, path);
      }
    }
  }

  /** The credential scope names the service the client signed for: .../us-east-1/eks/aws4_request. */
  private static boolean signedFor(String auth, String service) {
    return auth != null && auth.startsWith("AWS4-HMAC-SHA256 ")
        && Pattern.compile("Credential=[^/]+/\\d{8}/[a-z0-9-]+/" + service + "/aws4_request").matcher(auth).find();
  }

  private Fault nextFault(String operation) {
    served.add(operation);
    Deque<Fault> queue = faults.get(operation);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private static int start(String token) {
    return token == null || token.isEmpty() ? 0 : Integer.parseInt(token.replace("page-", ""));
  }

  private <T> List<T> page(List<T> all, String token) {
    int from = Math.min(start(token), all.size());
    return all.subList(from, Math.min(all.size(), from + pageSize));
  }

  private String nextToken(int total, String token) {
    int next = start(token) + pageSize;
    return next < total ? "page-" + next : null;
  }

  // ---- EC2: query protocol -------------------------------------------------------------------

  private void ec2(HttpExchange ex, String auth, Map<String, List<String>> form) throws IOException {
    String action = first(form, "Action");
    if (!signedFor(auth, "ec2")) {
      ec2Error(ex, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
      return;
    }
    if (!"2016-11-15".equals(first(form, "Version"))) {
      ec2Error(ex, 400, "InvalidParameterValue", "Version must be 2016-11-15");
      return;
    }
    Fault fault = nextFault(action);
    if (fault == Fault.THROTTLE) {
      ec2Error(ex, 503, "RequestLimitExceeded", "Request limit exceeded.");
      return;
    }
    if (fault == Fault.DENY) {
      ec2Error(ex, 403, "UnauthorizedOperation", "You are not authorized to perform this operation. User: "
          + "arn:aws:sts::111122223333:assumed-role/crossover-operator/i is not authorized to perform: ec2:" + action);
      return;
    }
    String token = first(form, "NextToken");
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    switch (action) {
      case "DescribeInstanceTypes" -> {
        List<String> wanted = indexed(form, "InstanceType");
        List<InstanceTypeSpec> matched = new ArrayList<>();
        for (String name : wanted) {
          InstanceTypeSpec spec = instanceTypes.get(name);
          if (spec == null) {
            ec2Error(ex, 400, "InvalidInstanceType", "The following supplied instance types do not exist: [" + name + "]");
            return;
          }
          matched.add(spec);
        }
        xml.append("<DescribeInstanceTypesResponse xmlns=\"").append(EC2_NS).append("\">\n")
            .append("  <requestId>").append(java.util.UUID.randomUUID()).append("</requestId>\n  <instanceTypeSet>\n");
        for (InstanceTypeSpec t : page(matched, token)) {
          xml.append("    <item>\n      <instanceType>").append(t.name()).append("</instanceType>\n")
              .append("      <currentGeneration>true</currentGeneration>\n")
              .append("      <vCpuInfo><defaultVCpus>").append(t.vcpus()).append("</defaultVCpus><defaultCores>")
              .append(t.vcpus() / 2).append("</defaultCores><defaultThreadsPerCore>2</defaultThreadsPerCore></vCpuInfo>\n")
              .append("      <memoryInfo><sizeInMiB>").append(t.memoryMiB()).append("</sizeInMiB></memoryInfo>\n");
          if (t.gpu() != null) {
            Gpu g = t.gpu();
            xml.append("      <gpuInfo><gpus><item><name>").append(g.name()).append("</name><manufacturer>")
                .append(g.manufacturer()).append("</manufacturer><count>").append(g.count())
                .append("</count><memoryInfo><sizeInMiB>").append(g.memoryMiB())
                .append("</sizeInMiB></memoryInfo></item></gpus><totalGpuMemoryInMiB>").append(g.count() * g.memoryMiB())
                .append("</totalGpuMemoryInMiB></gpuInfo>\n");
          }
          xml.append("    </item>\n");
        }
        xml.append("  </instanceTypeSet>\n");
        String next = nextToken(matched.size(), token);
        if (next != null) {
          xml.append("  <nextToken>").append(next).append("</nextToken>\n");
        }
        xml.append("</DescribeInstanceTypesResponse>");
      }
      case "DescribeSpotPriceHistory" -> {
        List<String> types = indexed(form, "InstanceType");
        List<String> descriptions = indexed(form, "ProductDescription");
        List<Spot> matched = spotPrices.stream()
            .filter(s -> types.isEmpty() || types.contains(s.instanceType()))
            .filter(s -> descriptions.isEmpty() || descriptions.contains("Linux/UNIX"))
            .toList();
        xml.append("<DescribeSpotPriceHistoryResponse xmlns=\"").append(EC2_NS).append("\">\n")
            .append("  <requestId>").append(java.util.UUID.randomUUID()).append("</requestId>\n  <spotPriceHistorySet>\n");
        for (Spot s : page(matched, token)) {
          xml.append("    <item><instanceType>").append(s.instanceType()).append("</instanceType>")
              .append("<productDescription>Linux/UNIX</productDescription><spotPrice>").append(s.price())
              .append("</spotPrice><timestamp>").append(s.timestamp()).append("</timestamp><availabilityZone>")
              .append(s.zone()).append("</availabilityZone></item>\n");
        }
        xml.append("  </spotPriceHistorySet>\n");
        String next = nextToken(matched.size(), token);
        if (next != null) {
          xml.append("  <nextToken>").append(next).append("</nextToken>\n");
        }
        xml.append("</DescribeSpotPriceHistoryResponse>");
      }
      default -> {
        ec2Error(ex, 400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        return;
      }
    }
    send(ex, 200, "text/xml;charset=UTF-8", xml.toString(), Map.of());
  }

  private static void ec2Error(HttpExchange ex, int status, String code, String message) throws IOException {
    send(ex, status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
        + code + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>"
        + java.util.UUID.randomUUID() + "</RequestID></Response>", Map.of());
  }

  private static Map<String, List<String>> form(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return form;
  }

  private static String first(Map<String, List<String>> form, String key) {
    List<String> values = form.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** EC2's flattened lists: InstanceType.1, InstanceType.2, ... */
  private static List<String> indexed(Map<String, List<String>> form, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 1; form.containsKey(name + "." + i); i++) {
      values.add(first(form, name + "." + i));
    }
    return values;
  }

  // ---- Pricing: AWS JSON 1.1 -----------------------------------------------------------------

  private void pricing(HttpExchange ex, String auth, String target, byte[] body) throws IOException {
    String operation = target.substring(target.indexOf('.') + 1);
    if (!signedFor(auth, "pricing")) {
      jsonError(ex, 400, "UnrecognizedClientException", "The security token included in the request is invalid.", true);
      return;
    }
    if (!"application/x-amz-json-1.1".equals(ex.getRequestHeaders().getFirst("Content-Type"))
        || !target.startsWith("AWSPriceListService.")) {
      jsonError(ex, 400, "SerializationException", "Expected AWS JSON 1.1 for AWSPriceListService", true);
      return;
    }
    Fault fault = nextFault(operation);
    if (fault == Fault.THROTTLE) {
      jsonError(ex, 400, "ThrottlingException", "Rate exceeded", true);
      return;
    }
    if (fault == Fault.DENY) {
      jsonError(ex, 400, "AccessDeniedException", "User is not authorized to perform: pricing:" + operation, true);
      return;
    }
    if (!"GetProducts".equals(operation)) {
      jsonError(ex, 400, "UnknownOperationException", operation, true);
      return;
    }
    JsonNode request = JSON.readTree(body);
    String serviceCode = request.path("ServiceCode").asText();
    List<String> matched = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> product : products) {
      if (!product.getKey().equals(serviceCode)) {
        continue;
      }
      JsonNode attributes = product.getValue().path("product").path("attributes");
      boolean all = true;
      for (JsonNode f : request.path("Filters")) {
        if (!"TERM_MATCH".equals(f.path("Type").asText())
            || !f.path("Value").asText().equalsIgnoreCase(attributes.path(f.path("Field").asText()).asText())) {
          all = false;
        }
      }
      if (all) {
        matched.add(JSON.writeValueAsString(product.getValue()));
      }
    }
    String token = request.path("NextToken").isMissingNode() ? null : request.path("NextToken").asText();
    ObjectNode response = JSON.createObjectNode();
    response.put("FormatVersion", "aws_v1");
    ArrayNode list = response.putArray("PriceList");
    page(matched, token).forEach(list::add);
    String next = nextToken(matched.size(), token);
    if (next != null) {
      response.put("NextToken", next);
    }
    send(ex, 200, "application/x-amz-json-1.1", JSON.writeValueAsString(response), Map.of());
  }

  // ---- EKS and Bedrock: REST-JSON ------------------------------------------------------------

  private void eks(HttpExchange ex, String auth, String path) throws IOException {
    String operation = path.equals("/cluster-versions") ? "DescribeClusterVersions" : "DescribeCluster";
    if (!restPreamble(ex, auth, "eks", operation, "eks:" + operation)) {
      return;
    }
    if (operation.equals("DescribeClusterVersions")) {
      Map<String, List<String>> query = form(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
      List<String> wanted = query.getOrDefault("clusterVersions", List.of());
      List<String> versions = clusterVersionStatus.keySet().stream().sorted()
          .filter(v -> wanted.isEmpty() || wanted.contains(v)).toList();
      String token = first(query, "nextToken");
      ObjectNode response = JSON.createObjectNode();
      ArrayNode list = response.putArray("clusterVersions");
      for (String v : page(versions, token)) {
        ObjectNode o = list.addObject();
        o.put("clusterVersion", v);
        o.put("clusterType", "eks");
        o.put("defaultPlatformVersion", "eks.20");
        o.put("defaultVersion", false);
        o.put("releaseDate", 1.7e9);
        o.put("endOfStandardSupportDate", 1.76e9);
        o.put("endOfExtendedSupportDate", 1.79e9);
        o.put("status", clusterVersionStatus.get(v));
        o.put("versionStatus", clusterVersionStatus.get(v));
        o.put("kubernetesPatchVersion", v + ".7");
      }
      String next = nextToken(versions.size(), token);
      if (next != null) {
        response.put("nextToken", next);
      }
      send(ex, 200, "application/json", JSON.writeValueAsString(response), Map.of());
      return;
    }
    String name = URLDecoder.decode(path.substring("/clusters/".length()), StandardCharsets.UTF_8);
    Map<String, String> c = clusters.get(name);
    if (c == null) {
      restError(ex, 404, "ResourceNotFoundException", "No cluster found for name: " + name + ".");
      return;
    }
    ObjectNode response = JSON.createObjectNode();
    ObjectNode cluster = response.putObject("cluster");
    cluster.put("name", name);
    cluster.put("arn", "arn:aws:eks:us-east-1:111122223333:cluster/" + name);
    cluster.put("createdAt", 1.7e9);
    cluster.put("version", c.get("version"));
    cluster.put("endpoint", "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com");
    cluster.put("roleArn", "arn:aws:iam::111122223333:role/eks-cluster");
    cluster.put("status", "ACTIVE");
    cluster.put("platformVersion", "eks.20");
    cluster.putObject("upgradePolicy").put("supportType", c.get("supportType"));
    cluster.putObject("tags");
    send(ex, 200, "application/json", JSON.writeValueAsString(response), Map.of());
  }

  private void bedrock(HttpExchange ex, String auth, String path) throws IOException {
    Matcher imported = Pattern.compile("^/imported-models/(.+)$").matcher(path);
    Matcher provisioned = Pattern.compile("^/provisioned-model-throughput/(.+)$").matcher(path);
    String operation = path.equals("/foundation-models") ? "ListFoundationModels"
        : imported.matches() ? "GetImportedModel" : provisioned.matches() ? "GetProvisionedModelThroughput" : null;
    if (operation == null) {
      restError(ex, 404, "UnknownOperationException", path);
      return;
    }
    if (!restPreamble(ex, auth, "bedrock", operation, "bedrock:" + operation)) {
      return;
    }
    ObjectNode response = JSON.createObjectNode();
    switch (operation) {
      case "ListFoundationModels" -> {
        ArrayNode list = response.putArray("modelSummaries");
        for (FoundationModel m : foundationModels) {
          ObjectNode o = list.addObject();
          o.put("modelArn", "arn:aws:bedrock:us-east-1::foundation-model/" + m.modelId());
          o.put("modelId", m.modelId());
          o.put("modelName", m.modelName());
          o.put("providerName", m.provider());
          o.putArray("inputModalities").add("TEXT");
          o.putArray("outputModalities").add("TEXT");
          o.put("responseStreamingSupported", m.streaming());
          o.putArray("customizationsSupported");
          o.putArray("inferenceTypesSupported").add("ON_DEMAND");
          o.putObject("modelLifecycle").put("status", "ACTIVE");
        }
      }
      case "GetImportedModel" -> {
        String arn = URLDecoder.decode(imported.group(1), StandardCharsets.UTF_8);
        Integer cmus = importedModels.get(arn);
        if (cmus == null) {
          restError(ex, 404, "ResourceNotFoundException", "The specified imported model " + arn + " was not found.");
          return;
        }
        response.put("modelArn", arn);
        response.put("modelName", arn.substring(arn.lastIndexOf('/') + 1));
        response.put("jobName", "import-job");
        response.put("jobArn", arn.replace("imported-model", "model-import-job"));
        response.putObject("modelDataSource").putObject("s3DataSource").put("s3Uri", "s3://models/llama/");
        response.put("creationTime", "2026-11-01T12:00:00Z");
        response.put("modelArchitecture", "llama3");
        response.put("instructSupported", true);
        ObjectNode units = response.putObject("customModelUnits");
        units.put("customModelUnitsPerModelCopy", cmus);
        units.put("customModelUnitsVersion", "1.0");
      }
      default -> {
        String id = URLDecoder.decode(provisioned.group(1), StandardCharsets.UTF_8);
        Provisioned p = provisionedModels.get(id);
        if (p == null) {
          restError(ex, 404, "ResourceNotFoundException", "Provisioned model " + id + " was not found.");
          return;
        }
        response.put("modelUnits", p.modelUnits());
        response.put("desiredModelUnits", p.modelUnits());
        response.put("provisionedModelName", p.name());
        response.put("provisionedModelArn", p.arn());
        response.put("modelArn", "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0");
        response.put("desiredModelArn", "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0");
        response.put("foundationModelArn", "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0");
        response.put("status", p.status());
        response.put("creationTime", "2026-11-01T12:00:00Z");
        response.put("lastModifiedTime", "2026-11-01T12:00:00Z");
        response.put("commitmentDuration", "OneMonth");
      }
    }
    send(ex, 200, "application/json", JSON.writeValueAsString(response), Map.of());
  }

  /** Signature and faults for a REST-JSON call; false when it was answered with an error. */
  private boolean restPreamble(HttpExchange ex, String auth, String service, String operation, String action)
      throws IOException {
    if (!signedFor(auth, service)) {
      restError(ex, 403, "InvalidSignatureException", "Signature not scoped to " + service);
      return false;
    }
    Fault fault = nextFault(operation);
    if (fault == Fault.THROTTLE) {
      restError(ex, 429, "ThrottlingException", "Too many requests, please wait before trying again.");
      return false;
    }
    if (fault == Fault.DENY) {
      restError(ex, 403, "AccessDeniedException", "User: arn:aws:sts::111122223333:assumed-role/crossover-operator/pod"
          + " is not authorized to perform: " + action);
      return false;
    }
    return true;
  }

  private static void restError(HttpExchange ex, int status, String code, String message) throws IOException {
    send(ex, status, "application/json", JSON.writeValueAsString(Map.of("message", message)),
        Map.of("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.coral.service/"));
  }

  private static void jsonError(HttpExchange ex, int status, String code, String message, boolean typeInBody)
      throws IOException {
    send(ex, status, "application/x-amz-json-1.1",
        JSON.writeValueAsString(Map.of("__type", "com.amazonaws.awspricelistservice#" + code, "message", message)), Map.of());
  }

  private static void send(HttpExchange ex, int status, String contentType, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    headers.forEach(ex.getResponseHeaders()::set);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
