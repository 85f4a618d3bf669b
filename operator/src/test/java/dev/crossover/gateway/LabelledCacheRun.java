package dev.crossover.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.cache.CacheJudge;
import dev.crossover.loadgen.cache.CacheRequest;
import dev.crossover.loadgen.cache.CacheSignal;
import dev.crossover.loadgen.cache.CacheTally;
import dev.crossover.loadgen.cache.CacheVerdict;
import dev.crossover.loadgen.cache.CacheWorkload;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * loadgen's labelled cache workload sent one request at a time through a Bifrost with keyBy
 * SystemPrompt (the cache key header names each request's system prompt), each response judged by
 * whose answer came back (a cached answer keeps the id of the response it was stored from).
 */
final class LabelledCacheRun {
  private LabelledCacheRun() {}

  static final ObjectMapper JSON = new ObjectMapper();

  static CacheTally run(String base, String master, CacheWorkload workload, int requests) throws Exception {
    CacheJudge judge = new CacheJudge();
    CacheTally tally = new CacheTally();
    for (int i = 0; i < requests; i++) {
      CacheRequest r = workload.next();
      String body = JSON.writeValueAsString(Map.of("model", RealParts.SIM_MODEL, "max_tokens", 16, "messages",
          List.of(Map.of("role", "system", "content", r.systemPrompt()), Map.of("role", "user", "content", r.question()))));
      long start = System.nanoTime();
      HttpResponse<String> resp = Chat.HTTP.send(Chat.request(base, master).header("x-bf-cache-key", r.systemPromptId())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - start) / 1000;
      if (resp.statusCode() != 200) {
        throw new IllegalStateException("request " + i + " answered " + resp.statusCode() + ": " + resp.body());
      }
      JsonNode json = JSON.readTree(resp.body());
      CacheSignal signal = CacheSignal.fromBifrost(json);
      tally.record(r, signal, judge.judge(r, signal, json.path("id").asText()), -1, micros);
      if (!signal.hit()) {
        Thread.sleep(50); // let the asynchronous cache write land, as a client's think time would
      }
    }
    return tally;
  }

  static String describe(CacheTally.Summary s) {
    return String.format(Locale.ROOT, "%d requests (%d repeats, %d paraphrases, %d novel): hit rate %.3f = direct %.3f"
            + " + semantic %.3f; repeat hit rate %.3f, paraphrase hit rate %.3f; false-hit rate %.3f (%.3f of hits),"
            + " unattributed %d; E2E hits p50 %.1f ms p90 %.1f ms (n=%d), misses p50 %.1f ms p90 %.1f ms (n=%d)",
        s.requests(), s.repeats(), s.paraphrases(), s.novel(), s.hitRate(), s.directHitRate(), s.semanticHitRate(),
        s.repeatHitRate(), s.paraphraseHitRate(), s.falseHitRate(), s.falseHitShareOfHits(), s.unattributedHits(),
        s.hitE2e().p50Ms(), s.hitE2e().p90Ms(), s.hitE2e().count(), s.missE2e().p50Ms(), s.missE2e().p90Ms(),
        s.missE2e().count());
  }
}
