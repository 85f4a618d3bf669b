package dev.crossover.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming scan of one chunk, on chunks as vLLM, LiteLLM, Bifrost and the simulator send them. */
class OpenAiChunkScanTest {
    private final ObjectMapper json = new ObjectMapper();

    private OpenAiChunkScan.Chunk scan(String chunk) throws IOException {
        byte[] bytes = ("  " + chunk + "  ").getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[bytes.length + 5]; // the parser must read only its slice
        System.arraycopy(bytes, 0, framed, 0, bytes.length);
        framed[bytes.length] = '{';
        return OpenAiChunkScan.scan(json, framed, bytes.length);
    }

    @Test
    void roleOnlyAndEmptyDeltasAreNotContent() throws IOException {
        assertThat(scan("""
                {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}
                """).content()).isFalse();
        assertThat(scan("""
                {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}
                """)).isEqualTo(new OpenAiChunkScan.Chunk(false, null, null, "stop"));
        assertThat(scan("""
                {"choices":[{"delta":{"tool_calls":[]}}]}""").content()).isFalse();
        assertThat(scan("""
                {"choices":[]}""").content()).isFalse();
    }

    @Test
    void textContentReasoningAndToolCallsAreContent() throws IOException {
        assertThat(scan("""
                {"choices":[{"index":0,"delta":{"content":"Hel"},"logprobs":{"content":[{"token":"x"}]}}]}""").content()).isTrue();
        assertThat(scan("""
                {"object":"text_completion","choices":[{"index":0,"text":" the","logprobs":null}]}""").content()).isTrue();
        assertThat(scan("""
                {"choices":[{"delta":{"reasoning_content":"think"}}]}""").content()).isTrue();
        assertThat(scan("""
                {"choices":[{"delta":{"content":null,"reasoning":"hmm"}}]}""").content()).isTrue();
        assertThat(scan("""
                {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"t1","function":{"name":"get","arguments":"{\\"a\\":[1,{}]}"}}]}}]}
                """).content()).isTrue();
        // Content in the second choice, after fields of every shape in the first.
        assertThat(scan("""
                {"choices":[{"delta":{"role":"assistant","x":[[{}],{"y":null}]},"text":{"not":"text"}},{"delta":{"content":"b"}}]}
                """).content()).isTrue();
    }

    @Test
    void readsUsageWithCachedTokensAndLeavesUnknownCountsAtMinusOne() throws IOException {
        assertThat(scan("""
                {"choices":[],"usage":{"prompt_tokens":2100,"total_tokens":2132,"completion_tokens":32,
                 "prompt_tokens_details":{"audio_tokens":0,"cached_tokens":2000}}}""").usage())
                .isEqualTo(new Usage(2100, 32, 2000, -1));
        assertThat(scan("""
                {"usage":{"prompt_tokens":7,"completion_tokens":null,"prompt_tokens_details":null}}""").usage())
                .isEqualTo(new Usage(7, -1, -1, -1));
    }

    @Test
    void reportsAnErrorObjectAsItsJson() throws IOException {
        assertThat(scan("""
                {"error":{"message":"overloaded","code":503}}""").error())
                .isEqualTo("{\"message\":\"overloaded\",\"code\":503}");
        assertThat(scan("""
                {"error":null,"choices":[{"text":"a"}]}""")).isEqualTo(new OpenAiChunkScan.Chunk(true, null, null));
    }

    @Test
    void refusesMalformedJson() {
        assertThatThrownBy(() -> scan("{\"choices\":[{\"delta\":{\"content\":\"a\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> scan("{\"choices\": tru}")).isInstanceOf(IOException.class);
    }

    @Test
    void theFinishReasonIsKeptAndANullOneIsNone() throws IOException {
        assertThat(scan("""
                {"choices":[{"index":0,"delta":{"content":"end"},"finish_reason":"length"}]}""").finishReason())
                .isEqualTo("length");
        assertThat(scan("""
                {"choices":[{"index":0,"delta":{"content":"mid"},"finish_reason":null}]}""").finishReason()).isNull();
    }
}
