package dev.crossover.cost;

import dev.crossover.api.v1alpha1.PriceOverride;
import io.fabric8.generator.annotation.Pattern;
import java.util.Objects;

/**
 * A price's name, {@code <item>/<sku>}, e.g. {@code ec2/g5.2xlarge} or
 * {@code bedrock-input/meta.llama3-1-70b-instruct-v1:0}. Valid keys are exactly those a user may
 * pin: the pattern is read from {@link PriceOverride#getKey()}'s validation annotation, so the CRD
 * and the catalog cannot drift apart.
 */
public record PriceKey(String item, String sku) {

  /** The regular expression on PriceOverride.key (the CRD's validation), read once. */
  static final java.util.regex.Pattern KEY_PATTERN = java.util.regex.Pattern.compile(overrideKeyPattern());

  /** The sku under bedrock-cache-read / bedrock-cache-write that holds the multiple of the input price. */
  public static final String INPUT_MULTIPLIER_SKU = "input-multiplier";

  public PriceKey {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(sku, "sku");
    if (!KEY_PATTERN.matcher(item + "/" + sku).matches()) {
      throw new IllegalArgumentException("Not a price key: \"" + item + "/" + sku + "\" (must match "
          + KEY_PATTERN.pattern() + ")");
    }
  }

  /** Parses {@code item/sku}; the sku may itself contain '/' (ARNs). */
  public static PriceKey parse(String key) {
    Objects.requireNonNull(key, "key");
    int slash = key.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("Not a price key: \"" + key + "\" (expected <item>/<sku>)");
    }
    return new PriceKey(key.substring(0, slash), key.substring(slash + 1));
  }

  public static PriceKey ec2OnDemand(String instanceType) {
    return new PriceKey("ec2", instanceType);
  }

  public static PriceKey ec2Spot(String instanceType) {
    return new PriceKey("ec2-spot", instanceType);
  }

  /** A reserved instance's or Savings Plan's effective hourly rate. */
  public static PriceKey ec2Reserved(String instanceType) {
    return new PriceKey("ec2-reserved", instanceType);
  }

  /** EKS control plane: {@code standard} or {@code extended} support. */
  public static PriceKey eks(String supportTier) {
    return new PriceKey("eks", supportTier);
  }

  public static PriceKey bedrockInput(String modelId) {
    return new PriceKey("bedrock-input", modelId);
  }

  public static PriceKey bedrockOutput(String modelId) {
    return new PriceKey("bedrock-output", modelId);
  }

  public static PriceKey bedrockCacheRead(String modelId) {
    return new PriceKey("bedrock-cache-read", modelId);
  }

  public static PriceKey bedrockCacheWrite(String modelId) {
    return new PriceKey("bedrock-cache-write", modelId);
  }

  public static PriceKey bedrockProvisionedThroughput(String modelId) {
    return new PriceKey("bedrock-pt", modelId);
  }

  public static final PriceKey CACHE_READ_MULTIPLIER = new PriceKey("bedrock-cache-read", INPUT_MULTIPLIER_SKU);
  public static final PriceKey CACHE_WRITE_MULTIPLIER = new PriceKey("bedrock-cache-write", INPUT_MULTIPLIER_SKU);
  public static final PriceKey CMI_PER_CMU_MINUTE = new PriceKey("bedrock-cmi", "per-cmu-minute");
  public static final PriceKey AGENTCORE_VCPU_HOUR = new PriceKey("agentcore-vcpu", "hour");
  public static final PriceKey AGENTCORE_GB_HOUR = new PriceKey("agentcore-gb", "hour");

  /** The unit is implied by the item (and, for cache items, by the multiplier sku). */
  public PriceUnit unit() {
    return switch (item) {
      case "ec2", "ec2-spot", "ec2-reserved", "eks" -> PriceUnit.USD_PER_HOUR;
      case "bedrock-input", "bedrock-output" -> PriceUnit.USD_PER_MILLION_TOKENS;
      case "bedrock-cache-read", "bedrock-cache-write" -> INPUT_MULTIPLIER_SKU.equals(sku)
          ? PriceUnit.MULTIPLE_OF_INPUT_PRICE
          : PriceUnit.USD_PER_MILLION_TOKENS;
      case "bedrock-pt" -> PriceUnit.USD_PER_MODEL_UNIT_HOUR;
      case "bedrock-cmi" -> PriceUnit.USD_PER_CMU_MINUTE;
      case "agentcore-vcpu" -> PriceUnit.USD_PER_VCPU_HOUR;
      case "agentcore-gb" -> PriceUnit.USD_PER_GB_HOUR;
      // The pattern admits only the items above; a new item there must get a unit here.
      default -> throw new IllegalStateException("No unit for price item " + item);
    };
  }

  @Override
  public String toString() {
    return item + "/" + sku;
  }

  private static String overrideKeyPattern() {
    try {
      return PriceOverride.class.getDeclaredField("key").getAnnotation(Pattern.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("PriceOverride.key is gone", e);
    }
  }
}
