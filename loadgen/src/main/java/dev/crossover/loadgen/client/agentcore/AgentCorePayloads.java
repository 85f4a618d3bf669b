package dev.crossover.loadgen.client.agentcore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds an agent's payload from a template. An AgentCore runtime takes whatever JSON its agent
 * was written for, so the template is that JSON; a string value that is exactly one of these
 * placeholders is replaced (whole values only, so no escaping question arises):
 * <ul>
 *   <li>{@code ${prompt}}: the request's last user message (an agent keeps its own history per
 *       runtime session, so a turn sends only what is new)</li>
 *   <li>{@code ${system}}: the system messages joined with newlines</li>
 *   <li>{@code ${messages}}: the whole conversation as [{"role":..., "content":...}]</li>
 *   <li>{@code ${maxTokens}}: the output budget, as a number</li>
 * </ul>
 */
public final class AgentCorePayloads {
    public static final String DEFAULT_TEMPLATE = "{\"prompt\":\"${prompt}\"}";

    private final ObjectMapper json;
    private final JsonNode template;

    public AgentCorePayloads(ObjectMapper json, String template) {
        this.json = json;
        try {
            this.template = json.readTree(template == null ? DEFAULT_TEMPLATE : template);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("AgentCore payload template is not JSON: " + e.getOriginalMessage(), e);
        }
        if (this.template == null || !this.template.isContainerNode()) {
            throw new IllegalArgumentException("AgentCore payload template must be a JSON object or array");
        }
    }

    public byte[] payload(GenerationRequest request) {
        try {
            return json.writeValueAsBytes(fill(template.deepCopy(), request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode fill(JsonNode node, GenerationRequest r) {
        if (node.isTextual()) return placeholder(node.textValue(), r, node);
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(fill(e.getValue(), r));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) a.set(i, fill(a.get(i), r));
        }
        return node;
    }

    private JsonNode placeholder(String text, GenerationRequest r, JsonNode unchanged) {
        return switch (text) {
            case "${prompt}" -> json.getNodeFactory().textNode(r.lastUserText());
            case "${system}" -> json.getNodeFactory().textNode(String.join("\n", r.messages().stream()
                    .filter(m -> m.role().equals("system")).map(ChatMessage::content).toList()));
            case "${maxTokens}" -> json.getNodeFactory().numberNode(r.maxTokens());
            case "${messages}" -> {
                ArrayNode messages = json.createArrayNode();
                for (ChatMessage m : r.messages()) messages.addObject().put("role", m.role()).put("content", m.content());
                yield messages;
            }
            default -> unchanged;
        };
    }
}
