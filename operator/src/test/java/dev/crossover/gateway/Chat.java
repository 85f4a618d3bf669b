package dev.crossover.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A minimal OpenAI chat client for the gateway tests (plain JDK HTTP, SSE read line by line). */
final class Chat {
  private Chat() {}

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Streamed(int status, List<String> dataLines, String errorBody) {
    /** Content-bearing chunks: data lines with a non-empty "content" delta. */
    long contentChunks() {
      return dataLines.stream().filter(l -> l.matches(".*\"content\"\\s*:\\s*\"[^\"]+.*")).count();
    }

    boolean done() {
      return !dataLines.isEmpty() && dataLines.get(dataLines.size() - 1).equals("[DONE]");
    }
  }

  /**
   * A chat request. Streaming ones ask for exactly maxTokens (vLLM's ignore_eos, which the
   * simulator honours): in random mode it may otherwise stop after one token, and a stream of one
   * chunk would prove little.
   */
  static String body(String model, boolean stream, int maxTokens) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"max_tokens\":" + maxTokens
        + (stream ? ",\"ignore_eos\":true" : "")
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say something about gateways.\"}]}";
  }

  static HttpRequest.Builder request(String baseV1, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseV1 + "/chat/completions"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  static Streamed stream(String baseV1, String key, String model) throws IOException, InterruptedException {
    HttpResponse<InputStream> r = HTTP.send(request(baseV1, key)
        .POST(HttpRequest.BodyPublishers.ofString(body(model, true, 16))).build(), HttpResponse.BodyHandlers.ofInputStream());
    List<String> data = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      if (r.statusCode() != 200) {
        return new Streamed(r.statusCode(), data, String.join("\n", in.lines().toList()));
      }
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data:")) {
          data.add(line.substring(5).trim());
        }
      }
    }
    return new Streamed(200, data, null);
  }

  static HttpResponse<String> complete(String baseV1, String key, String model) throws IOException, InterruptedException {
    return HTTP.send(request(baseV1, key).POST(HttpRequest.BodyPublishers.ofString(body(model, false, 4))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
