package dev.crossover.loadgen.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server whose chat/completions handler each test scripts (errors, broken streams). */
final class ScriptedHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();

    ScriptedHttpServer(HttpHandler chatCompletions) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(handlers);
        server.createContext("/v1/chat/completions", chatCompletions);
        server.start();
    }

    URI baseUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"); }

    static void respond(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        e.getRequestBody().readAllBytes();
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
