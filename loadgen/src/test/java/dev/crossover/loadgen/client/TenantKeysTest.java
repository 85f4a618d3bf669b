package dev.crossover.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.workload.MultiTenantWorkload;
import dev.crossover.loadgen.workload.TokenLengths;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Each tenant's requests carry that tenant's bearer key; requests without one use the default key. */
class TenantKeysTest {

    @Test
    void eachTenantSendsItsOwnBearerKey() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (var server = new ScriptedHttpServer(e -> {
            seen.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
            e.getRequestBody().readAllBytes();
            e.sendResponseHeaders(200, 0);
            e.getResponseBody().write(("data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            e.close();
        }); var c = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(), OpenAiApi.CHAT, "m",
                "default-key", Duration.ofSeconds(5), false))) {
            var w = new MultiTenantWorkload(1, List.of(new MultiTenantWorkload.Tenant("a", "key-a"),
                    new MultiTenantWorkload.Tenant("b", null)), 10, new TokenLengths.Fixed(5), new TokenLengths.Fixed(1));
            for (long n = 0; n < 4; n++) {
                RequestOutcome o = c.send(w.session(n).turns().get(0).request(), System.nanoTime()).get();
                assertThat(o.succeeded()).as(o.errorDetail()).isTrue();
                assertThat(o.tenant()).isEqualTo(n % 2 == 0 ? "a" : "b");
            }
        }
        assertThat(seen).containsExactly("Bearer key-a", "Bearer default-key", "Bearer key-a", "Bearer default-key");
    }
}
