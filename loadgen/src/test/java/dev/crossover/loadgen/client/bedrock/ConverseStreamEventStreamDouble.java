package dev.crossover.loadgen.client.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * TEST DOUBLE of the Bedrock Runtime ConverseStream API on 127.0.0.1 — not Bedrock. It speaks the
 * wire protocol the real SDK client expects: HTTP/2 (the SDK's async Bedrock Runtime client talks
 * h2; over plain http with prior knowledge), POST /model/{modelId}/converse-stream with the
 * restJson1 body, answered with :status 200 and an application/vnd.amazon.eventstream body of AWS
 * event-stream frames (encoded by the SDK's own eventstream library, CRCs included) carrying
 * messageStart, contentBlockDelta, contentBlockStop, messageStop and metadata events; errors as
 * Bedrock sends them (429 + x-amzn-ErrorType ThrottlingException or ModelNotReadyException; an
 * exception frame mid-stream).
 * It does not verify SigV4 signatures. Behaviour: messageStart and an EMPTY delta at once, the
 * first text delta after {@code ttft}, the rest {@code itl} apart; prompt caching is imitated per
 * system-prompt text: the first request that marks it with a cachePoint writes the cache, later
 * ones read it (token counts: one per whitespace-separated word).
 */
public final class ConverseStreamEventStreamDouble implements AutoCloseable {
    enum Mode { STREAM, THROTTLE, MODEL_NOT_READY, STREAM_ERROR }

    private final ObjectMapper json = new ObjectMapper();
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("bedrock-double", true));
    private final Channel serverChannel;
    private final Duration ttft;
    private final Duration itl;
    private final int tokens;
    private final Set<String> cachedPrefixes = ConcurrentHashMap.newKeySet();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.STREAM;

    ConverseStreamEventStreamDouble(Duration ttft, Duration itl, int tokens) throws InterruptedException {
        this(InetAddress.getLoopbackAddress(), ttft, itl, tokens);
    }

    /** On another address than loopback, e.g. a local cluster node's, for load pods to reach. */
    public ConverseStreamEventStreamDouble(InetAddress bind, Duration ttft, Duration itl, int tokens) throws InterruptedException {
        this.ttft = ttft;
        this.itl = itl;
        this.tokens = tokens;
        serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build());
                        ch.pipeline().addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                            @Override
                            protected void initChannel(Http2StreamChannel stream) {
                                stream.pipeline().addLast(new StreamHandler());
                            }
                        }));
                    }
                })
                .bind(bind, 0).sync().channel();
    }

    public URI endpoint() {
        InetSocketAddress a = (InetSocketAddress) serverChannel.localAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    /** Requests answered so far. */
    public int requestCount() {
        return requests.size();
    }

    /** One HTTP/2 stream: collect the request, then answer it. */
    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private String path;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            try {
                if (msg instanceof Http2HeadersFrame h) {
                    path = String.valueOf(h.headers().path());
                    if (h.isEndStream()) answer(ctx);
                } else if (msg instanceof Http2DataFrame d) {
                    d.content().readBytes(body, d.content().readableBytes());
                    if (d.isEndStream()) answer(ctx);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void answer(ChannelHandlerContext ctx) throws IOException {
            JsonNode request = json.readTree(body.toByteArray());
            requests.add(request);
            paths.add(path);
            if (!path.endsWith("/converse-stream")) {
                error(ctx, 404, "UnknownOperationException", "unknown operation");
            } else if (mode == Mode.THROTTLE) {
                error(ctx, 429, "ThrottlingException", "Too many requests, please wait before trying again.");
            } else if (mode == Mode.MODEL_NOT_READY) {
                // Bedrock's answer while an imported model is being loaded: also a 429, another exception.
                error(ctx, 429, "ModelNotReadyException", "Model is not ready for inference. Wait and try your request again.");
            } else {
                stream(ctx, request);
            }
        }
    }

    private void error(ChannelHandlerContext ctx, int status, String type, String message) throws IOException {
        Http2Headers h = new DefaultHttp2Headers().status(String.valueOf(status))
                .add("content-type", "application/json")
                .add("x-amzn-errortype", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .add("x-amzn-requestid", "double-request");
        ctx.write(new DefaultHttp2HeadersFrame(h));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(json.writeValueAsBytes(Map.of("message", message))), true));
    }

    /** Sends the events as scheduled steps on the channel's event loop: sleeping there would stall it. */
    private void stream(ChannelHandlerContext ctx, JsonNode request) throws IOException {
        ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                .add("content-type", "application/vnd.amazon.eventstream").add("x-amzn-requestid", "double-request")));
        int n = Math.min(tokens, request.path("inferenceConfig").path("maxTokens").asInt(tokens));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, event("messageStart", Map.of("role", "assistant"))));
        steps.add(new Step(0, event("contentBlockDelta", Map.of("contentBlockIndex", 0, "delta", Map.of("text", "")))));
        for (int i = 0; i < n; i++) {
            long delay = (i == 0 ? ttft : itl).toNanos();
            if (mode == Mode.STREAM_ERROR && i == 1) {
                steps.add(new Step(delay, exception("modelStreamErrorException", "The model stream failed.")));
                break;
            }
            steps.add(new Step(delay, event("contentBlockDelta",
                    Map.of("contentBlockIndex", 0, "delta", Map.of("text", " w" + i)))));
        }
        if (mode != Mode.STREAM_ERROR) {
            steps.add(new Step(0, event("contentBlockStop", Map.of("contentBlockIndex", 0))));
            steps.add(new Step(0, event("messageStop", Map.of("stopReason", "max_tokens"))));
            steps.add(new Step(0, event("metadata", Map.of("usage", usage(request, n), "metrics", Map.of("latencyMs", 1)))));
        }
        send(ctx, steps, 0);
    }

    private record Step(long delayNanos, byte[] frame) {}

    private void send(ChannelHandlerContext ctx, List<Step> steps, int i) {
        if (i == steps.size()) {
            ctx.writeAndFlush(new DefaultHttp2DataFrame(true));
            return;
        }
        Runnable write = () -> {
            ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(steps.get(i).frame())));
            send(ctx, steps, i + 1);
        };
        if (steps.get(i).delayNanos() == 0) write.run();
        else ctx.executor().schedule(write, steps.get(i).delayNanos(), TimeUnit.NANOSECONDS);
    }

    private Map<String, Object> usage(JsonNode body, int outputTokens) {
        StringBuilder systemText = new StringBuilder();
        boolean cachePoint = false;
        for (JsonNode block : body.path("system")) {
            if (block.has("text")) systemText.append(block.path("text").asText());
            if (block.has("cachePoint")) cachePoint = true;
        }
        int systemTokens = words(systemText.toString());
        int messageTokens = 0;
        for (JsonNode m : body.path("messages")) {
            for (JsonNode c : m.path("content")) messageTokens += words(c.path("text").asText());
        }
        int cacheRead = 0, cacheWrite = 0;
        if (cachePoint && systemTokens > 0) {
            if (cachedPrefixes.add(systemText.toString())) cacheWrite = systemTokens;
            else cacheRead = systemTokens;
        }
        int uncachedInput = systemTokens + messageTokens - cacheRead - cacheWrite;
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("inputTokens", uncachedInput);
        u.put("outputTokens", outputTokens);
        u.put("totalTokens", uncachedInput + cacheRead + cacheWrite + outputTokens);
        u.put("cacheReadInputTokens", cacheRead);
        u.put("cacheWriteInputTokens", cacheWrite);
        return u;
    }

    private static int words(String s) {
        String t = s.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private byte[] event(String type, Object payload) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return frame(headers, json.writeValueAsBytes(payload));
    }

    private byte[] exception(String type, String message) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return frame(headers, json.writeValueAsBytes(Map.of("message", message)));
    }

    /** One AWS event-stream frame (prelude, headers, payload, CRCs), encoded by the SDK's library. */
    private static byte[] frame(Map<String, HeaderValue> headers, byte[] payload) {
        ByteBuffer b = new Message(headers, payload).toByteBuffer();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
