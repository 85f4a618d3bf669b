package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.platform.InferenceDataPath;
import dev.crossover.testing.LocalApiServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plan configurations B-1 and B-2 on loopback: LiteLLM → Gateway → endpoint picker → simulator
 * pods, and Bifrost → Gateway → endpoint picker → simulator pods. Each AI gateway runs the exact
 * config the operator renders for a PrefixCacheAware platform backend whose URL is the Gateway's
 * (real Envoy, FailOpen); behind it {@link InferenceDataPath} runs the real picker on the rendered
 * InferencePool. Asserted from the picker's own scheduling counter, Envoy's count of requests sent
 * to the picked pod, and each simulator's own request count.
 */
@ExtendWith(LocalApiServer.class)
class AiGatewaysThroughEndpointPickerTest {
  static InferenceDataPath path;
  static LocalProcess litellm;
  static LocalProcess bifrost;
  static String litellmKey;
  static String bifrostKey;

  @BeforeAll
  static void start(LocalApiServer.Handle api) throws Exception {
    try {
      path = InferenceDataPath.start(api, "datapath-gw");
      // The platform backend as the operator resolves it, its URL the Gateway's listener.
      List<ResolvedTarget> targets = List.of(ResolvedTarget.openAI("llmd", ResolvedTarget.Kind.Platform,
          path.failOpenV1(), RealParts.SIM_MODEL, 1));
      litellmKey = GatewayNames.newKey(Type.LiteLLM);
      litellm = RealParts.liteLlm(GatewayObjects.renderConfig(Profiles.profile(Type.LiteLLM, "llmd").getSpec(), targets),
          Map.of(GatewayNames.LITELLM_MASTER_KEY_ENV, litellmKey));
      bifrostKey = GatewayNames.newKey(Type.Bifrost);
      bifrost = RealParts.bifrost(GatewayObjects.renderConfig(Profiles.profile(Type.Bifrost, "llmd").getSpec(), targets),
          Map.of(GatewayNames.BIFROST_MASTER_KEY_ENV, bifrostKey));
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {bifrost, litellm, path}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
  }

  @Test
  void liteLlmThroughTheGatewayAndThePicker() throws Exception {
    flowsThroughThePicker("litellm", RealParts.v1(litellm), litellmKey, litellm);
  }

  @Test
  void bifrostThroughTheGatewayAndThePicker() throws Exception {
    flowsThroughThePicker("bifrost", RealParts.v1(bifrost), bifrostKey, bifrost);
  }

  private static void flowsThroughThePicker(String gateway, String base, String key, LocalProcess process)
      throws Exception {
    double scheduled = path.pickerScheduled();
    long routed = path.routedToPickedPod();
    double[] before = path.served();

    Chat.Streamed s = Chat.stream(base, key, RealParts.SIM_MODEL);
    assertThat(s.status()).as("status, body: %s\nlog:\n%s", s.errorBody(), process.tail(30)).isEqualTo(200);
    assertThat(s.done()).isTrue();

    // Requests sharing a long prefix: the picker sends them all to one pod.
    String prefix = "You answer for " + gateway + " run " + UUID.randomUUID() + ". "
        + "Answer briefly and cite the manual. ".repeat(120);
    double[] beforePrefix = path.served();
    int n = 6;
    for (int i = 0; i < n; i++) {
      String content = prefix + " Question " + i + "?";
      String body = "{\"model\":\"" + RealParts.SIM_MODEL + "\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\","
          + "\"content\":\"" + content + "\"}]}";
      HttpResponse<String> r = Chat.HTTP.send(Chat.request(base, key).POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    double[] after = path.served();
    int pod = InferenceDataPath.busiest(after, beforePrefix);
    System.out.printf("AiGatewaysThroughEndpointPickerTest: %s, %d shared-prefix prompts served per pod %s%n", gateway,
        n, InferenceDataPath.deltas(after, beforePrefix));

    int total = n + 1;
    assertThat(path.pickerScheduled() - scheduled).as("scheduling runs the picker counted").isEqualTo(total);
    assertThat(path.routedToPickedPod() - routed).as("requests Envoy sent to the picked pod").isEqualTo(total);
    assertThat(InferenceDataPath.sum(after) - InferenceDataPath.sum(before)).as("requests the pods served")
        .isEqualTo(total);
    assertThat(after[pod] - beforePrefix[pod]).as("shared-prefix requests on one pod: %s",
        InferenceDataPath.deltas(after, beforePrefix)).isEqualTo(n);
  }
}
