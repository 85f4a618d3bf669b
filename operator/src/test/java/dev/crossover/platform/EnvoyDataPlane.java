package dev.crossover.platform;

import dev.crossover.gateway.LocalProcess;
import dev.crossover.gateway.RealParts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real Envoy (build-gateways.sh envoy) as the data plane in front of an InferencePool, configured
 * the way the Gateway API Inference Extension's own end-to-end tests configure it
 * (test/testdata/envoy.yaml of its module): the ext_proc filter streams each request's headers and
 * body to the endpoint picker (FULL_DUPLEX_STREAMED, trailers sent), and an ORIGINAL_DST cluster
 * sends the request to the {@code ip:port} the picker returns in the
 * {@code x-gateway-destination-endpoint} header (Endpoint Picker Protocol, "Destination Endpoint").
 *
 * <p>What a Gateway implementation adds on top, and this bootstrap renders too:
 * <ul>
 *   <li>{@code failureMode}: FailOpen is {@code failure_mode_allow: true} plus a fallback route, taken
 *       only when no destination header came back, to a round-robin cluster of the pool's endpoints
 *       ("forward the request to an endpoint of its picking"); FailClose answers 503 when the picker
 *       fails ({@code status_on_error}) and has no fallback route.</li>
 *   <li>a client cannot choose the pod: the destination header is removed before routing and before
 *       ext_proc (early header mutation), so only the picker's header reaches the router.</li>
 * </ul>
 * FailOpen holds once Envoy's health check has seen the picker down (within a second here); a
 * request already streaming to a picker that dies fails with 503 under either mode.
 * Nothing here is Envoy Gateway or another Gateway API controller: no Gateway status is written.
 */
final class EnvoyDataPlane implements AutoCloseable {
  static final String DESTINATION_HEADER = "x-gateway-destination-endpoint";

  final LocalProcess process;
  final int listenerPort;

  private EnvoyDataPlane(LocalProcess process, int listenerPort) {
    this.process = process;
    this.listenerPort = listenerPort;
  }

  /**
   * Starts Envoy on loopback for a pool whose endpoints are {@code poolEndpoints} ({@code ip:port}),
   * calling the picker's ext_proc service on {@code pickerGrpcPort} (TLS, as the picker serves it by
   * default; its self-signed certificate is accepted, as in the Inference Extension's tests) and
   * health-checking it on {@code pickerHealthPort}.
   */
  static EnvoyDataPlane start(String name, int pickerGrpcPort, int pickerHealthPort, List<String> poolEndpoints,
      String failureMode)
      throws IOException, InterruptedException {
    int admin = LocalProcess.freeLoopbackPort();
    int listener = LocalProcess.freeLoopbackPort();
    Path dir = Files.createTempDirectory("envoy-" + name + "-");
    Path config = dir.resolve("envoy.yaml");
    Files.writeString(config, bootstrap(admin, listener, pickerGrpcPort, pickerHealthPort, poolEndpoints, failureMode));
    List<String> cmd = List.of(RealParts.envoyBinary().toString(), "-c", config.toString(),
        "--disable-hot-restart", "--concurrency", "1", "--log-level", "warn");
    return new EnvoyDataPlane(LocalProcess.start("envoy-" + name, cmd, Map.of(), dir, admin, "/ready",
        Duration.ofSeconds(30)), listener);
  }

  /** Waits until Envoy's health check sees the picker as {@code healthy} (1) or not (0). */
  void awaitPickerHealthy(boolean healthy, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long want = healthy ? 1 : 0;
    while (stat("cluster.endpoint_picker.membership_healthy") != want) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Envoy's health check never saw the picker " + (healthy ? "up" : "down")
            + " within " + timeout + ":\n" + process.tail(20));
      }
      Thread.sleep(100);
    }
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + listenerPort + path);
  }

  /** One counter or gauge from Envoy's admin /stats, 0 when Envoy has not created it yet. */
  long stat(String name) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body = http.send(HttpRequest.newBuilder(process.url("/stats?filter=" + URLEncoder.encode("^" + name.replace(".", "\\.") + "$", StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (\\d+)$").matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
  }

  static String bootstrap(int admin, int listener, int pickerGrpcPort, int pickerHealthPort, List<String> poolEndpoints,
      String failureMode) {
    boolean failOpen = switch (failureMode) {
      case "FailOpen" -> true;
      case "FailClose" -> false;
      default -> throw new IllegalArgumentException("failureMode " + failureMode);
    };
    String fallbackRoute = failOpen
        ? "                route: {cluster: pool_fallback, timeout: 300s}\n"
        : "                direct_response: {status: 503, body: {inline_string: \"no endpoint picked\"}}\n";
    String fallbackEndpoints = poolEndpoints.stream().map(e -> {
      int colon = e.lastIndexOf(':');
      return "        - endpoint: {address: {socket_address: {address: %s, port_value: %s}}}"
          .formatted(e.substring(0, colon), e.substring(colon + 1));
    }).collect(Collectors.joining("\n"));
    return """
        admin:
          address: {socket_address: {address: 127.0.0.1, port_value: %1$d}}
        static_resources:
          listeners:
          - name: inference-gateway
            address: {socket_address: {address: 127.0.0.1, port_value: %2$d}}
            filter_chains:
            - filters:
              - name: envoy.filters.network.http_connection_manager
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                  stat_prefix: inference
                  # Only the picker chooses the pod: a client's own destination header is dropped
                  # before the route is chosen and before ext_proc sees the request.
                  early_header_mutation_extensions:
                  - name: envoy.http.early_header_mutation.header_mutation
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.http.early_header_mutation.header_mutation.v3.HeaderMutation
                      mutations:
                      - remove: %4$s
                  route_config:
                    name: inference-pool
                    virtual_hosts:
                    - name: inference-pool
                      domains: ["*"]
                      routes:
                      # The picker answered: its header names the pod (the picker's response clears
                      # the route cache, so the route is chosen again after it).
                      - match:
                          prefix: "/"
                          headers: [{name: %4$s, present_match: true}]
                        route: {cluster: original_destination_cluster, timeout: 300s}
                      # No pick: FailOpen forwards to an endpoint of the pool, FailClose refuses.
                      - match: {prefix: "/"}
        %5$s
                  http_filters:
                  - name: envoy.filters.http.ext_proc
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor
                      grpc_service:
                        envoy_grpc: {cluster_name: endpoint_picker}
                        timeout: 10s
                      failure_mode_allow: %6$s
                      status_on_error: {code: ServiceUnavailable}
                      processing_mode:
                        request_header_mode: SEND
                        response_header_mode: SEND
                        request_body_mode: FULL_DUPLEX_STREAMED
                        response_body_mode: FULL_DUPLEX_STREAMED
                        request_trailer_mode: SEND
                        response_trailer_mode: SEND
                      message_timeout: 60s
                  - name: envoy.filters.http.router
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
                      suppress_envoy_headers: true
          clusters:
          - name: original_destination_cluster
            type: ORIGINAL_DST
            connect_timeout: 5s
            lb_policy: CLUSTER_PROVIDED
            original_dst_lb_config:
              use_http_header: true
              http_header_name: %4$s
          - name: pool_fallback
            type: STATIC
            connect_timeout: 5s
            lb_policy: ROUND_ROBIN
            load_assignment:
              cluster_name: pool_fallback
              endpoints:
              - lb_endpoints:
        %7$s
          # The picker, health-checked on its gRPC health port (plaintext; the service name of
          # ext_proc, which the picker reports serving once it has synced the pool) with panic
          # routing off: a picker that is down is then "no healthy upstream" when a request's
          # headers arrive, the one point where Envoy can still fail open in FULL_DUPLEX_STREAMED
          # mode (once a body chunk went to the picker, a failure is an error whatever
          # failure_mode_allow says). In a cluster the picker Service's endpoints, which follow the
          # same health port through the readiness probe, play this part.
          - name: endpoint_picker
            type: STATIC
            connect_timeout: 2s
            common_lb_config: {healthy_panic_threshold: {value: 0}}
            health_checks:
            - timeout: 1s
              interval: 1s
              # Checked every second also while no request flows (Envoy's default is then 60 s).
              no_traffic_interval: 1s
              no_traffic_healthy_interval: 1s
              unhealthy_threshold: 1
              healthy_threshold: 1
              grpc_health_check: {service_name: envoy.service.ext_proc.v3.ExternalProcessor}
              transport_socket_match_criteria: {health: plaintext}
            transport_socket:
              name: envoy.transport_sockets.tls
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                common_tls_context:
                  validation_context: {}
            transport_socket_matches:
            - name: health-plaintext
              match: {health: plaintext}
              transport_socket:
                name: envoy.transport_sockets.raw_buffer
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer
            typed_extension_protocol_options:
              envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
                "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
                explicit_http_config: {http2_protocol_options: {}}
            load_assignment:
              cluster_name: endpoint_picker
              endpoints:
              - lb_endpoints:
                - endpoint:
                    address: {socket_address: {address: 127.0.0.1, port_value: %3$d}}
                    health_check_config: {port_value: %8$d}
        """.formatted(admin, listener, pickerGrpcPort, DESTINATION_HEADER, fallbackRoute.stripTrailing(),
        failOpen, fallbackEndpoints, pickerHealthPort);
  }

  @Override
  public void close() {
    process.close();
  }
}
