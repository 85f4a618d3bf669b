package dev.crossover.loadgen.client;

import java.net.URI;
import java.time.Duration;

/**
 * @param baseUrl        up to and including the version segment, e.g. http://127.0.0.1:8000/v1
 * @param api            chat/completions or completions
 * @param model          the model name sent in each request
 * @param defaultApiKey  bearer key used when a request carries none; null for no Authorization
 * @param requestTimeout limit for one whole request, stream included
 * @param ignoreEos      ask the server (vLLM and the simulator honour it) to generate exactly
 *                       max_tokens, so output lengths follow the workload and not the model
 */
public record OpenAiClientConfig(URI baseUrl, OpenAiApi api, String model, String defaultApiKey,
                                 Duration requestTimeout, boolean ignoreEos) {
    public URI endpoint() {
        String base = baseUrl.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + api.path);
    }
}
