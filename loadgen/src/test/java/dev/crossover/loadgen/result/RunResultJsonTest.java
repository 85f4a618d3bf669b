package dev.crossover.loadgen.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.loadgen.client.ChunkTimes;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.Usage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunResultJsonTest {

    /** A synthetic outcome with heavy-tailed latencies, some failures, and two tenants. */
    static RequestOutcome outcome(SplittableRandom r, long i) {
        long intended = 1_000_000_000L + i * 10_000_000L;
        if (r.nextInt(20) == 0) {
            return new RequestOutcome(intended, intended + 1000, new ChunkTimes(), intended + 5_000_000, Usage.UNKNOWN,
                    r.nextBoolean() ? ErrorClass.THROTTLED : ErrorClass.TIMEOUT, r.nextBoolean() ? 429 : 0,
                    "tenant-" + (i % 2), "x");
        }
        ChunkTimes c = new ChunkTimes();
        long t = intended + (long) (50e6 * Math.exp(r.nextGaussian()));
        int tokens = 1 + r.nextInt(30);
        for (int k = 0; k < tokens; k++) {
            c.add(t);
            t += (long) (5e6 * Math.exp(0.5 * r.nextGaussian()));
        }
        return new RequestOutcome(intended, intended + r.nextInt(100_000), c, t, new Usage(100, tokens, r.nextInt(50), 0),
                null, 200, "tenant-" + (i % 2), null);
    }

    @Test
    void mergeOfShardsEqualsTheCombinedRecordingAfterJsonRoundTrip() {
        SplittableRandom r = new SplittableRandom(9);
        RunRecorder all = new RunRecorder(0, 0, 1_700_000_000_000L);
        RunRecorder[] shards = {new RunRecorder(0, 0, 1_700_000_000_000L), new RunRecorder(0, 0, 1_700_000_000_000L),
                new RunRecorder(0, 0, 1_700_000_000_000L)};
        for (long i = 0; i < 3000; i++) {
            RequestOutcome o = outcome(r, i);
            all.accept(o);
            shards[r.nextInt(3)].accept(o);
        }
        RunResult merged = null;
        for (RunRecorder s : shards) {
            RunResult shard = RunResultJson.read(RunResultJson.write(s.result("x")));
            merged = merged == null ? shard : merged.merge(shard);
        }
        RunResult whole = all.result("x");
        assertThat(merged.total()).isEqualTo(whole.total());
        assertThat(merged.byTenant()).isEqualTo(whole.byTenant());
        assertThat(merged.intervals()).isEqualTo(whole.intervals());
        assertThat(merged.intervals().points()).hasSizeGreaterThan(20); // 30 s of requests, 1 s intervals
        assertThat(merged.intervals().points().values().stream().mapToLong(IntervalSeries.Point::sent).sum())
                .isEqualTo(3000);
        assertThat(merged.byTenant()).containsOnlyKeys("tenant-0", "tenant-1");
        assertThat(merged.shards()).isEqualTo(3);
        assertThat(RunResultJson.toTree(merged).get("summary")).isEqualTo(RunResultJson.toTree(whole).get("summary"));
        assertThat(merged.total().errors()).containsKeys(ErrorClass.THROTTLED, ErrorClass.TIMEOUT);
        JsonNode tenant0 = RunResultJson.toTree(merged).path("tenants").path("tenant-0").path("summary").path("ttftMs");
        assertThat(tenant0.path("count").asLong()).isEqualTo(merged.byTenant().get("tenant-0").histogram(Metric.TTFT)
                .getTotalCount()).isPositive();
    }

    @Test
    void percentilesComeFromMergedHistogramsNotFromAveragedShardPercentiles() {
        // Shard A: 99 fast requests; shard B: 1 slow one. Averaging the shards' p99 would say ~500 ms.
        RunRecorder a = new RunRecorder(0, 0, 0), b = new RunRecorder(0, 0, 0);
        for (int i = 0; i < 99; i++) a.accept(single(10_000_000L));
        b.accept(single(1_000_000_000L));
        RunResult merged = a.result("x").merge(b.result("x"));
        JsonNode ttft = RunResultJson.toTree(merged).path("summary").path("ttftMs");
        assertThat(ttft.path("count").asLong()).isEqualTo(100);
        assertThat(ttft.path("p99").asDouble()).isBetween(9.9, 10.1);
        assertThat(ttft.path("max").asDouble()).isBetween(999.0, 1001.0);
    }

    private static RequestOutcome single(long ttft) {
        ChunkTimes c = new ChunkTimes();
        c.add(ttft);
        return new RequestOutcome(0, 0, c, ttft, new Usage(1, 1, 0, 0), null, 200, null, null);
    }

    @Test
    void writesTheVersionedSchemaAndRefusesOtherVersions() throws Exception {
        RunRecorder rec = new RunRecorder(0, 0, 0);
        rec.accept(single(5_000_000L));
        ObjectNode tree = RunResultJson.toTree(rec.result("lbl").withFlag(RunResult.FLAG_SCHEDULING_LAG)
                .withCalibration(new Calibration(1000, 2000, 1_000_000)));
        assertThat(tree.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(tree.path("total").path("histograms").path("ttft").path("encoding").asText())
                .isEqualTo("hdrhistogram-compressed-base64");
        assertThat(tree.path("flags").get(0).asText()).isEqualTo("SCHEDULING_LAG_ABOVE_THRESHOLD");
        RunResult back = RunResultJson.fromTree(tree);
        assertThat(back.calibration()).isEqualTo(new Calibration(1000, 2000, 1_000_000));
        assertThat(back.flags()).containsExactly(RunResult.FLAG_SCHEDULING_LAG);

        tree.put("schemaVersion", 3);
        String v3 = new ObjectMapper().writeValueAsString(tree);
        assertThatThrownBy(() -> RunResultJson.read(v3)).hasMessageContaining("schemaVersion 3");
        // Schema 1 (before goodput and the split HTTP errors) still reads: its extra counters are 0.
        tree.put("schemaVersion", 1);
        ((ObjectNode) tree.path("total").path("counters")).remove("goodputRequests");
        ((ObjectNode) tree.path("total").path("errors")).put("HTTP_STATUS", 2);
        RunResult v1 = RunResultJson.read(new ObjectMapper().writeValueAsString(tree));
        assertThat(v1.total().counter(dev.crossover.loadgen.result.Counter.GOODPUT_REQUESTS)).isZero();
        assertThat(v1.total().errors()).containsEntry(dev.crossover.loadgen.client.ErrorClass.HTTP_STATUS, 2L);
    }

    @Test
    void warmupRequestsAreCountedButNotMeasured() {
        RunRecorder rec = new RunRecorder(500);
        rec.accept(single(1_000_000L)); // intended at 0, before measurement starts at 500
        RunResult r = rec.result("x");
        assertThat(r.total().counter(Counter.WARMUP_REQUESTS)).isEqualTo(1);
        assertThat(r.total().counter(Counter.REQUESTS_SENT)).isZero();
        assertThat(r.total().histogram(Metric.TTFT).getTotalCount()).isZero();
    }

    @Test
    void theCompactFormReadsBackToTheSameTotalsWithoutIntervals() {
        SplittableRandom r = new SplittableRandom(3);
        RunRecorder rec = new RunRecorder(0, 0, 1_700_000_000_000L);
        for (long i = 0; i < 500; i++) {
            rec.accept(outcome(r, i));
        }
        RunResult result = rec.result("compact");
        String compact = RunResultJson.writeCompact(result);
        assertThat(compact).doesNotContain("\n").doesNotContain("intervals").doesNotContain("summary");
        assertThat(compact.length()).isLessThan(RunResultJson.writeOneLine(result).length());
        RunResult read = RunResultJson.read(compact);
        assertThat(read.total()).isEqualTo(result.total());
        assertThat(read.byTenant()).isEqualTo(result.byTenant());
        assertThat(read.flags()).isEqualTo(result.flags());
        assertThat(read.windowSeconds()).isEqualTo(result.windowSeconds());
        assertThat(read.intervals().points()).isEmpty();
    }
}
