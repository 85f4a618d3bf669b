package dev.crossover.loadgen.calibrate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal OpenAI-compatible streaming server on 127.0.0.1, in process, for the client's
 * self-calibration: it answers chat/completions with a role chunk, then {@code tokens} content
 * chunks ({@code ttft} before the first, {@code itl} between the others), a finish chunk, a usage
 * chunk and [DONE]. Against it with zero delays, whatever TTFT the client measures is the client's
 * own floor (plus loopback). Not a simulator of any model server: for that the tests use the real
 * llm-d-inference-sim.
 */
public final class LoopbackSseServer implements AutoCloseable {
    static {
        // The JDK server leaves Nagle's algorithm on: each small SSE event would then wait for the
        // client's delayed ACK (~40 ms on Linux), and the "floor" would measure TCP, not the client.
        // Read once, when the server implementation class initialises.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration ttft;
    private final Duration itl;
    private final int tokens;

    public LoopbackSseServer(Duration ttft, Duration itl, int tokens) throws IOException {
        this.ttft = ttft;
        this.itl = itl;
        this.tokens = tokens;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(handlers);
        server.createContext("/v1/chat/completions", this::stream);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0); // 0: chunked, flushed event by event
            OutputStream out = exchange.getResponseBody();
            send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}");
            pause(ttft);
            for (int i = 0; i < tokens; i++) {
                if (i > 0) pause(itl);
                send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok" + i + "\"}}]}");
            }
            send(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}");
            send(out, "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":" + tokens
                    + ",\"total_tokens\":" + (tokens + 1) + "}}");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static void send(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(Duration d) throws IOException {
        if (d.isZero()) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
