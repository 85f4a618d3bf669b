package dev.crossover.loadgen.client.agentcore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * TEST DOUBLE of the Bedrock AgentCore data plane's InvokeAgentRuntime on 127.0.0.1 — not
 * AgentCore. It holds the wire contract the real SDK client is written against: HTTP/1.1
 * {@code POST /runtimes/{URL-encoded runtime ARN}/invocations?qualifier=Q}, the
 * {@code X-Amzn-Bedrock-AgentCore-Runtime-Session-Id} header (at least 33 characters), the agent's
 * payload as the body, and a SigV4 {@code Authorization} header for service
 * {@code bedrock-agentcore} whose signature it recomputes with the SDK's own signer and the
 * secret it was given (as AWS does; a wrong key gets 403 InvalidSignatureException). Answers: a
 * {@code text/event-stream} of SSE {@code data:} events (the first after {@code ttft}, the rest
 * {@code itl} apart, the way AgentCore relays a streaming agent), one JSON body (a non-streaming
 * agent), errors in restJson1 form ({@code x-amzn-ErrorType} header and a message body: 429
 * ThrottlingException, 403 AccessDeniedException), an SSE error event, a connection cut
 * inside an event, or a stream that stalls.
 */
final class AgentCoreRuntimeLocalDouble implements AutoCloseable {
    enum Mode { STREAM, JSON, THROTTLE, DENY, ERROR_EVENT, CUT, STALL }

    private static final Pattern PATH = Pattern.compile("^/runtimes/([^/?]+)/invocations$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/.+$");
    private static final Pattern AUTHORIZATION = Pattern.compile("^AWS4-HMAC-SHA256 "
            + "Credential=([A-Z0-9]{16,128})/([0-9]{8})/([a-z0-9-]+)/bedrock-agentcore/aws4_request, "
            + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$");
    static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

    /** What the double saw of one request that passed its checks. */
    record Invocation(String runtimeArn, String qualifier, String sessionId, String contentType, String body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("agentcore-double", true));
    private final Channel serverChannel;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final Duration ttft;
    private final Duration itl;
    private final int events;
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    /** Why requests were refused before the agent saw them (bad path, header, signature). */
    final List<String> rejections = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.STREAM;

    AgentCoreRuntimeLocalDouble(String accessKey, String secretKey, String region, Duration ttft, Duration itl,
                                int events) throws InterruptedException {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.ttft = ttft;
        this.itl = itl;
        this.events = events;
        serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort());
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            String body = request.content().toString(StandardCharsets.UTF_8);
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Matcher path = PATH.matcher(uri.rawPath());
            String problem = null;
            String arn = path.matches() ? URLDecoder.decode(path.group(1), StandardCharsets.UTF_8) : null;
            String session = request.headers().get(SESSION_HEADER);
            if (!request.method().name().equals("POST")) problem = "method " + request.method();
            else if (arn == null) problem = "path " + uri.rawPath();
            else if (!ARN.matcher(arn).matches()) problem = "runtime ARN " + arn;
            else if (session == null || session.length() < 33) problem = "runtimeSessionId " + session;
            if (problem != null) {
                rejections.add(problem);
                error(ctx, HttpResponseStatus.BAD_REQUEST, "ValidationException", "invalid request: " + problem);
                return;
            }
            String signature = signatureProblem(request, body);
            if (signature != null) {
                rejections.add(signature);
                error(ctx, HttpResponseStatus.FORBIDDEN, "InvalidSignatureException", signature);
                return;
            }
            List<String> q = uri.parameters().get("qualifier");
            invocations.add(new Invocation(arn, q == null ? null : q.get(0), session,
                    request.headers().get(HttpHeaderNames.CONTENT_TYPE), body));
            switch (mode) {
                case THROTTLE -> error(ctx, HttpResponseStatus.TOO_MANY_REQUESTS, "ThrottlingException",
                        "Rate exceeded");
                case DENY -> error(ctx, HttpResponseStatus.FORBIDDEN, "AccessDeniedException",
                        "User is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime");
                case JSON -> ctx.executor().schedule(() -> jsonAnswer(ctx), ttft.toNanos(), TimeUnit.NANOSECONDS);
                default -> stream(ctx);
            }
        }
    }

    /** Recomputes the SigV4 signature over what arrived; null when it matches. */
    private String signatureProblem(FullHttpRequest request, String body) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        Matcher a = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (a == null || !a.matches()) return "Authorization header is not SigV4 for bedrock-agentcore: " + authorization;
        if (!a.group(1).equals(accessKey)) return "unknown access key " + a.group(1);
        if (!a.group(3).equals(region)) return "credential scope region " + a.group(3);
        String amzDate = request.headers().get("X-Amz-Date");
        if (amzDate == null || !amzDate.startsWith(a.group(2))) return "X-Amz-Date " + amzDate;
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        SdkHttpRequest.Builder received = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http")
                .host("127.0.0.1").port(local.getPort()).encodedPath(uri.rawPath());
        uri.parameters().forEach(received::putRawQueryParameter);
        for (String name : a.group(4).split(";")) {
            if (!name.equals("host") && !name.equals("x-amz-date")) {
                received.putHeader(name, request.headers().getAll(name));
            }
        }
        String contentSha = request.headers().get("x-amz-content-sha256");
        ZonedDateTime signedAt = ZonedDateTime.parse(amzDate, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX"));
        SignedRequest expected = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(received.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, !"UNSIGNED-PAYLOAD".equals(contentSha))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt.toInstant(), ZoneOffset.UTC)));
        String want = expected.request().firstMatchingHeader("Authorization").orElse("");
        Matcher w = AUTHORIZATION.matcher(want);
        if (!w.matches() || !w.group(5).equals(a.group(5))) {
            return "The request signature we calculated does not match the signature you provided"
                    + " (signed headers " + a.group(4) + ")";
        }
        return null;
    }

    private void error(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String message) throws Exception {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(json.writeValueAsBytes(Map.of("message", message))));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set("x-amzn-ErrorType", type)
                .set("x-amzn-RequestId", "double-request")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        ctx.writeAndFlush(r);
    }

    private void jsonAnswer(ChannelHandlerContext ctx) {
        byte[] bytes = ("{\"result\":{\"role\":\"assistant\",\"content\":[{\"text\":\"" + "w ".repeat(events).trim()
                + "\"}]}}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        ctx.writeAndFlush(r);
    }

    /** SSE events as scheduled steps on the channel's event loop: sleeping there would stall it. */
    private void stream(ChannelHandlerContext ctx) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.writeAndFlush(head);
        if (mode == Mode.STALL) return; // headers, then silence until the client gives up
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, ": keep-alive\n\ndata: \"\"\n\n")); // a comment and an empty event: no output yet
        for (int i = 0; i < events; i++) {
            long delay = (i == 0 ? ttft : itl).toNanos();
            if (mode == Mode.ERROR_EVENT && i == 1) {
                steps.add(new Step(delay, "data: {\"error\": \"tool failed\", \"error_type\": \"RuntimeError\"}\n\n"));
                break;
            }
            if (mode == Mode.CUT && i == 2) {
                steps.add(new Step(delay, "data: \"w2")); // half an event, then the connection drops
                steps.add(new Step(0, null));
                break;
            }
            steps.add(new Step(delay, "data: \"w" + i + " \"\n\n"));
        }
        send(ctx, steps, 0);
    }

    /** @param text null: cut the connection (no terminating chunk) */
    private record Step(long delayNanos, String text) {}

    private void send(ChannelHandlerContext ctx, List<Step> steps, int i) {
        if (i == steps.size()) {
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        Step step = steps.get(i);
        Runnable write = () -> {
            if (step.text() == null) {
                ctx.channel().close();
                return;
            }
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(step.text(), StandardCharsets.UTF_8)));
            send(ctx, steps, i + 1);
        };
        if (step.delayNanos() == 0) write.run();
        else ctx.executor().schedule(write, step.delayNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
