package dev.crossover.loadgen.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON body of a streaming chat/completions or completions request. */
final class OpenAiRequestBodies {
    private final ObjectMapper json;
    private final OpenAiClientConfig config;

    OpenAiRequestBodies(ObjectMapper json, OpenAiClientConfig config) {
        this.json = json;
        this.config = config;
    }

    byte[] body(GenerationRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("model", config.model());
        body.put("stream", true);
        // Without include_usage the stream carries no token counts at all.
        body.putObject("stream_options").put("include_usage", true);
        body.put("max_tokens", request.maxTokens());
        if (config.ignoreEos()) body.put("ignore_eos", true);
        if (config.api() == OpenAiApi.CHAT) {
            ArrayNode messages = body.putArray("messages");
            for (ChatMessage m : request.messages()) {
                messages.addObject().put("role", m.role()).put("content", m.content());
            }
        } else {
            StringBuilder prompt = new StringBuilder();
            for (ChatMessage m : request.messages()) {
                if (!prompt.isEmpty()) prompt.append("\n\n");
                prompt.append(m.content());
            }
            body.put("prompt", prompt.toString());
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
