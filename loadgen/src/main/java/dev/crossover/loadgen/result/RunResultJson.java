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
 * { "schemaVersion": 2, "label": ..., "window": {"startEpochMillis", "endEpochMillis"}, "shards": n,
 *   "flags": [...], "calibration": {...} | null,
 *   "total": SECTION, "tenants": {"name": SECTION + "summary"}, "summary": {...},
 *   "intervals": {"intervalMillis": n, "points": [{"startEpochMillis", counts, "ttft", "e2e", derived p50/p99}]} }
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

    /**
     * The same document on a single line. A container log interleaves stderr with stdout line by
     * line, so a result that must be read back from a pod's log is written as one line.
     */
    public static String writeOneLine(RunResult r) {
        return toTree(r).toString();
    }

    /**
     * The mergeable part only, on one line: counters and histograms of the total and of each
     * tenant, window, flags and calibration; no interval series and no derived summaries. It
     * reads back (with {@link #read}) to the same totals, so shards still merge exactly. Small
     * enough for a container's termination message when a level has few requests.
     */
    public static String writeCompact(RunResult r) {
        ObjectNode root = header(r);
        root.set("total", section(r.total()));
        ObjectNode tenants = root.putObject("tenants");
        r.byTenant().forEach((name, s) -> tenants.set(name, section(s)));
        return root.toString();
    }

    private static ObjectNode header(RunResult r) {
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
        return root;
    }

    public static ObjectNode toTree(RunResult r) {
        ObjectNode root = header(r);
        root.set("total", section(r.total()));
        ObjectNode tenants = root.putObject("tenants");
        r.byTenant().forEach((name, s) -> tenants.set(name, section(s).set("summary", Summary.of(s, r.windowSeconds()))));
        root.set("summary", Summary.of(r));
        root.set("intervals", intervals(r.intervals()));
        return root;
    }

    /** Per-interval points; the percentile fields are derived, the histograms are what merges. */
    private static ObjectNode intervals(IntervalSeries series) {
        ObjectNode n = JSON.createObjectNode();
        n.put("intervalMillis", series.intervalMillis());
        n.put("encoding", Histograms.ENCODING);
        var points = n.putArray("points");
        series.points().forEach((start, p) -> {
            ObjectNode o = points.addObject();
            o.put("startEpochMillis", start).put("requestsSent", p.sent()).put("requestsSucceeded", p.succeeded())
                    .put("requestsFailed", p.failed()).put("outputTokens", p.outputTokens());
            if (p.ttft().getTotalCount() > 0) {
                o.put("ttftP50Ms", p.ttft().getValueAtPercentile(50) / 1e6)
                        .put("ttftP99Ms", p.ttft().getValueAtPercentile(99) / 1e6);
            }
            if (p.e2e().getTotalCount() > 0) o.put("e2eP99Ms", p.e2e().getValueAtPercentile(99) / 1e6);
            o.put("ttft", Histograms.encode(p.ttft())).put("e2e", Histograms.encode(p.e2e()));
        });
        return n;
    }

    private static ObjectNode section(MetricsSection s) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode counters = n.putObject("counters");
        for (Counter c : Counter.values()) counters.put(c.key, s.counter(c));
        ObjectNode errors = n.putObject("errors");
        s.errors().forEach((e, count) -> errors.put(e.name(), count));
        ObjectNode stops = n.putObject("stopReasons");
        s.stopReasons().forEach(stops::put);
        ObjectNode statuses = n.putObject("failedHttpStatuses");
        s.failedHttpStatuses().forEach((code, count) -> statuses.put(String.valueOf(code), count));
        ObjectNode histograms = n.putObject("histograms");
        for (Metric m : Metric.values()) {
            histograms.putObject(m.key).put("unit", m.unit).put("encoding", Histograms.ENCODING)
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
        if (version < RunResult.OLDEST_READABLE_SCHEMA_VERSION || version > RunResult.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported result schemaVersion " + version + " (this loadgen reads "
                    + RunResult.OLDEST_READABLE_SCHEMA_VERSION + " to " + RunResult.SCHEMA_VERSION + ")");
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
        JsonNode iv = root.path("intervals");
        IntervalSeries series = new IntervalSeries(iv.path("intervalMillis").asLong(1_000));
        for (JsonNode p : iv.path("points")) {
            series.put(p.path("startEpochMillis").asLong(), p.path("requestsSent").asLong(),
                    p.path("requestsSucceeded").asLong(), p.path("requestsFailed").asLong(), p.path("outputTokens").asLong(),
                    Histograms.decodeIntCounts(p.path("ttft").asText()), Histograms.decodeIntCounts(p.path("e2e").asText()));
        }
        return new RunResult(root.path("label").asText(null), root.path("window").path("startEpochMillis").asLong(),
                root.path("window").path("endEpochMillis").asLong(), root.path("shards").asInt(1),
                readSection(root.get("total")), tenants, flags, calibration, series);
    }

    private static MetricsSection readSection(JsonNode n) {
        MetricsSection s = new MetricsSection();
        for (Counter c : Counter.values()) s.add(c, n.path("counters").path(c.key).asLong(0));
        if (!n.path("counters").has(Counter.REQUESTS_SUCCEEDED_IN_WINDOW.key)) {
            // Schema 1: the window ran to the last completion, so every completion was in it.
            s.add(Counter.REQUESTS_SUCCEEDED_IN_WINDOW, s.counter(Counter.REQUESTS_SUCCEEDED));
            s.add(Counter.OUTPUT_TOKENS_IN_WINDOW, s.counter(Counter.OUTPUT_TOKENS));
        }
        n.path("errors").fields().forEachRemaining(e -> s.addError(ErrorClass.valueOf(e.getKey()), e.getValue().asLong()));
        n.path("stopReasons").fields().forEachRemaining(e -> s.addStopReason(e.getKey(), e.getValue().asLong()));
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
