package dev.crossover.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {
    private static final String STREAM = "data: {\"a\":1}\n\n"
            + ": a comment line\n"
            + "event: message\r\ndata: {\"b\":\"é\"}\r\n\r\n"
            + "data: first\ndata: second\n\n"
            + "data:[DONE]\n\n";

    private static List<String> parse(List<byte[]> pieces) {
        List<String> events = new ArrayList<>();
        SseEventParser parser = new SseEventParser((d, n) -> events.add(SseEventParser.text(d, n)));
        for (byte[] p : pieces) parser.feed(ByteBuffer.wrap(p));
        return events;
    }

    @Test
    void parsesEventsWithLfCrlfMultiLineDataAndComments() {
        assertThat(parse(List.of(STREAM.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("{\"a\":1}", "{\"b\":\"é\"}", "first\nsecond", "[DONE]");
    }

    @Test
    void givesTheSameEventsWhateverWayTheBytesAreSplit() {
        byte[] all = STREAM.getBytes(StandardCharsets.UTF_8);
        List<String> whole = parse(List.of(all));
        for (int cut = 1; cut < all.length; cut++) { // includes cuts inside CRLF and inside "é"
            byte[] a = java.util.Arrays.copyOfRange(all, 0, cut);
            byte[] b = java.util.Arrays.copyOfRange(all, cut, all.length);
            assertThat(parse(List.of(a, b))).as("cut at %d", cut).isEqualTo(whole);
        }
        List<byte[]> bytes = new ArrayList<>();
        for (byte x : all) bytes.add(new byte[] {x});
        assertThat(parse(bytes)).isEqualTo(whole);
    }

    @Test
    void reportsAnUnfinishedEvent() {
        SseEventParser parser = new SseEventParser((d, n) -> {});
        parser.feed(ByteBuffer.wrap("data: {\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.hasPartialEvent()).isTrue();
        parser.feed(ByteBuffer.wrap("1}\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.hasPartialEvent()).isFalse();
    }
}
