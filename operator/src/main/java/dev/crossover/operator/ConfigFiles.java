package dev.crossover.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writers for the configuration files the operator renders (gateway and endpoint picker
 * configs). Map keys are written sorted, so a file is byte-identical for the same input in
 * every JVM: Map.of iterates in a per-JVM random order, and a config hash that moved with it
 * would roll gateway pods on every operator restart.
 */
public final class ConfigFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ConfigFiles() {}

  public static String yaml(Object model) {
    return write(YAML, model);
  }

  public static String json(Object model) {
    return write(JSON, model);
  }

  private static String write(ObjectMapper mapper, Object model) {
    try {
      return mapper.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      // Only maps, lists and scalars are written: failing here is a programming error.
      throw new IllegalStateException("cannot write configuration", e);
    }
  }
}
