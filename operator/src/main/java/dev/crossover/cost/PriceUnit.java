package dev.crossover.cost;

/** The unit a price is quoted in; fixed by the item part of its {@link PriceKey}. */
public enum PriceUnit {
  USD_PER_HOUR("USD/hour"),
  USD_PER_MILLION_TOKENS("USD/1M tokens"),
  /** Cache read/write priced as a multiple of the model's input price (Bedrock prompt caching). */
  MULTIPLE_OF_INPUT_PRICE("x input price"),
  USD_PER_MODEL_UNIT_HOUR("USD/model-unit-hour"),
  USD_PER_CMU_MINUTE("USD/CMU-minute"),
  USD_PER_VCPU_HOUR("USD/vCPU-hour"),
  USD_PER_GB_HOUR("USD/GB-hour");

  private final String label;

  PriceUnit(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
