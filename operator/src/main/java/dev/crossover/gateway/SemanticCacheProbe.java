package dev.crossover.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Whether a profile's semantic cache can work: the vector store answers and has FT.* search, and
 * the embedder answers with vectors of the declared dimension. Cheap probes (one TCP round trip,
 * one one-word embedding) with short timeouts, reported as the SemanticCacheReady condition. The
 * gateway is not held back by it: without the store Bifrost does not start and LiteLLM serves
 * uncached, which GatewayReady and the benchmark's figures show; this condition says why.
 */
public final class SemanticCacheProbe {
  public static final String CONDITION = "SemanticCacheReady";
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public SemanticCacheProbe(KubernetesClient client) {
    this.client = client;
  }

  /** One probe's verdict: ok, or a reason and what was seen. */
  public record Outcome(boolean ok, String reason, String message) {
    static Outcome ok(String message) {
      return new Outcome(true, "Answering", message);
    }

    static Outcome fail(String reason, String message) {
      return new Outcome(false, reason, message);
    }
  }

  /** Sets SemanticCacheReady from fresh probes, or removes it when the profile has no cache. */
  public void report(GatewayProfile p, GatewayProfileStatus status) {
    SemanticCacheSpec c = p.getSpec().getSemanticCache();
    if (c == null) {
      if (status.getConditions() != null) {
        status.getConditions().removeIf(x -> CONDITION.equals(x.getType()));
      }
      return;
    }
    Long gen = p.getMetadata().getGeneration();
    String ns = p.getMetadata().getNamespace();
    Outcome o;
    try {
      String password = secret(ns, SemanticCacheSettings.storePassword(c));
      String apiKey = secret(ns, SemanticCacheSettings.embedderKey(c));
      o = check(c, password, apiKey);
    } catch (MissingSecret e) {
      o = Outcome.fail("SecretNotFound", e.getMessage());
    }
    status.setCondition(CONDITION, o.ok(), o.reason(), o.message(), gen);
  }

  /** Both probes; the first failure gives the reason, the message tells both. */
  public static Outcome check(SemanticCacheSpec c, String password, String apiKey) {
    Outcome store = probeStore(SemanticCacheSettings.host(c), SemanticCacheSettings.port(c), password);
    var openAI = c.getEmbeddings().getOpenAI();
    Outcome embedder = probeEmbedder(openAI.getUrl(), openAI.getModel(), apiKey, c.getEmbeddings().getDimension());
    String message = store.message() + "; " + embedder.message();
    if (!store.ok()) {
      return Outcome.fail(store.reason(), message);
    }
    if (!embedder.ok()) {
      return Outcome.fail(embedder.reason(), message);
    }
    return Outcome.ok(message);
  }

  /** AUTH (when a password is given), then FT._LIST: answered only where a search module is loaded. */
  public static Outcome probeStore(String host, int port, String password) {
    String where = "vector store " + host + ":" + port;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
      s.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      if (password != null) {
        out.write(command("AUTH", password));
        out.flush();
        String auth = firstLine(in);
        if (auth.startsWith("-")) {
          return Outcome.fail("StoreAuthFailed", where + " refused AUTH: " + auth);
        }
        if (!auth.startsWith("+")) {
          return Outcome.fail("NotRedisProtocol", where + " does not answer in the Redis protocol: " + auth);
        }
      }
      out.write(command("FT._LIST"));
      out.flush();
      String reply = firstLine(in);
      if (reply.startsWith("-NOAUTH")) {
        return Outcome.fail("StoreAuthFailed", where + " needs a password (vectorStore.passwordSecretRef)");
      }
      if (reply.startsWith("-")) {
        return Outcome.fail("VectorSearchMissing", where + " has no search module (FT._LIST: " + reply + ")");
      }
      if (!reply.startsWith("*")) {
        return Outcome.fail("NotRedisProtocol", where + " does not answer in the Redis protocol: " + reply);
      }
      return Outcome.ok(where + " answers with FT.* search");
    } catch (IOException e) {
      return Outcome.fail("StoreUnreachable", where + " unreachable: " + e.getMessage());
    }
  }

  /** One embedding of a short text; the vector's length must be the declared dimension. */
  public static Outcome probeEmbedder(String baseUrl, String model, String apiKey, int dimension) {
    String url = ResolvedTarget.withV1(baseUrl) + "/embeddings";
    String where = "embedder " + url;
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      String body = JSON.writeValueAsString(java.util.Map.of("model", model, "input", "crossover probe"));
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT.multipliedBy(2))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      if (apiKey != null) {
        req.header("Authorization", "Bearer " + apiKey);
      }
      long start = System.nanoTime();
      HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (r.statusCode() != 200) {
        return Outcome.fail("EmbedderError", where + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
      }
      JsonNode vector = JSON.readTree(r.body()).path("data").path(0).path("embedding");
      if (!vector.isArray()) {
        return Outcome.fail("EmbedderError", where + " returned no data[0].embedding array");
      }
      if (vector.size() != dimension) {
        return Outcome.fail("DimensionMismatch", where + " returned " + vector.size()
            + "-dimension vectors for model " + model + ", but embeddings.dimension is " + dimension);
      }
      return Outcome.ok(where + " returned " + dimension + "-dimension vectors in " + ms + " ms");
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.fail("EmbedderUnreachable", where + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.fail("EmbedderUnreachable", where + " probe interrupted");
    }
  }

  private static final class MissingSecret extends Exception {
    MissingSecret(String message) {
      super(message);
    }
  }

  private String secret(String ns, SecretKeyRef ref) throws MissingSecret {
    if (ref == null) {
      return null;
    }
    Secret s = client.secrets().inNamespace(ns).withName(ref.getName()).get();
    if (s != null && s.getData() != null && s.getData().containsKey(ref.getKey())) {
      return new String(Base64.getDecoder().decode(s.getData().get(ref.getKey())), StandardCharsets.UTF_8);
    }
    if (s != null && s.getStringData() != null && s.getStringData().containsKey(ref.getKey())) {
      return s.getStringData().get(ref.getKey());
    }
    throw new MissingSecret("Secret " + ns + "/" + ref.getName() + " has no key " + ref.getKey());
  }

  /** A RESP array of bulk strings. */
  static byte[] command(String... args) {
    StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
    for (String a : List.of(args)) {
      b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String firstLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
      if (b.length() > 512) {
        break;
      }
    }
    if (c == -1 && b.isEmpty()) {
      throw new IOException("connection closed without a reply");
    }
    return b.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
