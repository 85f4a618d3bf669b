package dev.crossover.loadgen.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.loadgen.client.ErrorClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads and writes the versioned result schema. The "summary" objects are derived on write and
 * ignored on read: merging is done on histograms and counters only.
 *
 * <pre>
 * { "schemaVersion": 1, "label": ..., "window": {"startEpochMillis", "endEpochMillis"}, "shards": n,
 *   "flags": [...], "calibration": {...} | null,
 *   "total": SECTION, "tenants": {"name": SECTION}, "summary": {...} }
 * SECTION = { "counters": {...}, "errors": {"TIMEOUT": n}, "failedHttpStatuses": {"429": n},
 *             "histograms": {"ttft": {"unit": "ns", "encoding": ..., "data": base64}, ...} }
 * </pre>
 */
public final class RunResultJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunResultJson() {}

    public static String write(RunResult r) {
        try {
            return JSON.writeValueAsString(toTree(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toTree(RunResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", RunResult.SCHEMA_VERSION);
        root.put("tool", "crossover-loadgen");
        root.put("label", r.label());
        root.putObject("window").put("startEpochMillis", r.windowStartEpochMillis())
                .put("endEpochMillis", r.windowEndEpochMillis());
        root.put("shards", r.shards());
        r.flags().forEach(root.putArray("flags")::add);
        if (r.calibration() == null) root.putNull("calibration");
        else root.set("calibration", JSON.valueToTree(r.calibration()));
        root.set("total", section(r.total()));
        ObjectNode tenants = root.putObject("tenants");
        r.byTenant().forEach((name, s) -> tenants.set(name, section(s).set("summary", Summary.of(s, r.windowSeconds()))));
        root.set("summary", Summary.of(r));
        return root;
    }

    private static ObjectNode section(MetricsSection s) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode counters = n.putObject("counters");
        for (Counter c : Counter.values()) counters.put(c.key, s.counter(c));
        ObjectNode errors = n.putObject("errors");
        s.errors().forEach((e, count) -> errors.put(e.name(), count));
        ObjectNode statuses = n.putObject("failedHttpStatuses");
        s.failedHttpStatuses().forEach((code, count) -> statuses.put(String.valueOf(code), count));
        ObjectNode histograms = n.putObject("histograms");
        for (Metric m : Metric.values()) {
            histograms.putObject(m.key).put("unit", "ns").put("encoding", Histograms.ENCODING)
                    .put("data", Histograms.encode(s.histogram(m)));
        }
        return n;
    }

    public static RunResult read(String json) {
        try {
            return fromTree(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunResult fromTree(JsonNode root) {
        int version = root.path("schemaVersion").asInt(-1);
        if (version != RunResult.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported result schemaVersion " + version
                    + " (this loadgen reads " + RunResult.SCHEMA_VERSION + ")");
        }
        TreeSet<String> flags = new TreeSet<>();
        root.path("flags").forEach(f -> flags.add(f.asText()));
        JsonNode cal = root.get("calibration");
        Calibration calibration = cal == null || cal.isNull() ? null : JSON.convertValue(cal, Calibration.class);
        TreeMap<String, MetricsSection> tenants = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("tenants").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            tenants.put(e.getKey(), readSection(e.getValue()));
        }
        return new RunResult(root.path("label").asText(null), root.path("window").path("startEpochMillis").asLong(),
                root.path("window").path("endEpochMillis").asLong(), root.path("shards").asInt(1),
                readSection(root.get("total")), tenants, flags, calibration);
    }

    private static MetricsSection readSection(JsonNode n) {
        MetricsSection s = new MetricsSection();
        for (Counter c : Counter.values()) s.add(c, n.path("counters").path(c.key).asLong(0));
        n.path("errors").fields().forEachRemaining(e -> s.addError(ErrorClass.valueOf(e.getKey()), e.getValue().asLong()));
        n.path("failedHttpStatuses").fields()
                .forEachRemaining(e -> s.addFailedHttpStatus(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        for (Metric m : Metric.values()) {
            JsonNode h = n.path("histograms").get(m.key);
            if (h == null) continue;
            if (!Histograms.ENCODING.equals(h.path("encoding").asText())) {
                throw new IllegalArgumentException("histogram " + m.key + " has unknown encoding " + h.path("encoding"));
            }
            s.histogram(m).add(Histograms.decode(h.path("data").asText()));
        }
        return s;
    }
}
