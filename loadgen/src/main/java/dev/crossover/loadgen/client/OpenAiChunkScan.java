package dev.crossover.loadgen.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the three things the client needs from one OpenAI-compatible stream chunk, token by token
 * with Jackson's streaming parser, skipping everything else: whether it carries content, its usage,
 * and an in-stream error. A chunk is parsed on the selector thread for every token the server sends;
 * building a JsonNode tree per chunk was the client's largest allocation (and so its GC pauses,
 * which land in latencies).
 *
 * <p>Content: non-empty {@code choices[].text} (completions), non-empty
 * {@code choices[].delta.content}, {@code reasoning_content} or {@code reasoning}, or a non-empty
 * {@code choices[].delta.tool_calls}. A role-only or empty delta is not content.
 */
final class OpenAiChunkScan {
    /** What one chunk said; usage, error and finishReason are null when the chunk has none. */
    record Chunk(boolean content, Usage usage, String error, String finishReason) {
        Chunk(boolean content, Usage usage, String error) {
            this(content, usage, error, null);
        }
    }

    private OpenAiChunkScan() {}

    /** @throws IOException when the chunk is not well-formed JSON */
    static Chunk scan(ObjectMapper json, byte[] data, int length) throws IOException {
        try (JsonParser p = json.getFactory().createParser(data, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new Chunk(false, null, null);
            }
            boolean content = false;
            Usage usage = null;
            String error = null;
            String[] finish = new String[1];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("choices") && value == JsonToken.START_ARRAY) content |= choicesCarryContent(p, finish);
                else if (name.equals("usage") && value == JsonToken.START_OBJECT) usage = usage(p);
                else if (name.equals("error") && value != JsonToken.VALUE_NULL) error = json.readTree(p).toString();
                else p.skipChildren();
            }
            return new Chunk(content, usage, error, finish[0]);
        }
    }

    /** @param finish receives choices[].finish_reason when a choice carries one (stop, length, ...) */
    private static boolean choicesCarryContent(JsonParser p, String[] finish) throws IOException {
        boolean content = false;
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("text")) content |= nonEmptyString(p, value);
                else if (name.equals("delta") && value == JsonToken.START_OBJECT) content |= deltaCarriesContent(p);
                else if (name.equals("finish_reason") && value == JsonToken.VALUE_STRING) finish[0] = p.getText();
                else p.skipChildren();
            }
        }
        return content;
    }

    private static boolean deltaCarriesContent(JsonParser p) throws IOException {
        boolean content = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "content", "reasoning_content", "reasoning" -> content |= nonEmptyString(p, value);
                case "tool_calls" -> {
                    if (value == JsonToken.START_ARRAY) {
                        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                            content = true;
                            if (t.isStructStart()) p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return content;
    }

    private static Usage usage(JsonParser p) throws IOException {
        long prompt = -1, completion = -1, cached = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = count(p, value);
                case "completion_tokens" -> completion = count(p, value);
                case "prompt_tokens_details" -> {
                    if (value == JsonToken.START_OBJECT) cached = cachedTokens(p);
                    else p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, completion, cached, -1);
    }

    private static long cachedTokens(JsonParser p) throws IOException {
        long cached = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("cached_tokens")) cached = count(p, value);
            else p.skipChildren();
        }
        return cached;
    }

    /** A token count; anything else (null, text, a structure, which is skipped) is unknown: -1. */
    private static long count(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        p.skipChildren();
        return -1;
    }

    private static boolean nonEmptyString(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) return p.getTextLength() > 0;
        p.skipChildren();
        return false;
    }
}
