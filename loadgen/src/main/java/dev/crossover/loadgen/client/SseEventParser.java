package dev.crossover.loadgen.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Incremental Server-Sent Events parser: bytes go in as they arrive (any split, even inside a
 * line or a multi-byte character), complete events come out through the listener. Only the
 * "data" field matters for LLM streams; other fields and comments are skipped as the SSE spec says.
 */
public final class SseEventParser {

    /** Receives the data of each complete event (multiple data lines joined with '\n'). */
    @FunctionalInterface
    public interface Listener {
        void onEvent(byte[] data, int length);
    }

    private final Listener listener;
    private byte[] line = new byte[1024];
    private int lineLength;
    private byte[] data = new byte[1024];
    private int dataLength;
    private boolean hasData;
    private boolean lastWasCr;

    public SseEventParser(Listener listener) {
        this.listener = listener;
    }

    public void feed(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            byte b = buffer.get();
            if (b == '\n' && lastWasCr) { // second half of a CRLF already ended the line
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                if (lineLength == line.length) line = Arrays.copyOf(line, line.length * 2);
                line[lineLength++] = b;
            }
        }
    }

    /** True when bytes of an unfinished event are buffered (a stream that stops here is broken). */
    public boolean hasPartialEvent() {
        return lineLength > 0 || hasData;
    }

    private void endLine() {
        if (lineLength == 0) {
            dispatch();
            return;
        }
        if (startsWith("data")) {
            int valueStart = 4;
            if (lineLength > 4 && line[4] == ':') {
                valueStart = 5;
                if (lineLength > 5 && line[5] == ' ') valueStart = 6;
            } else if (lineLength > 4) {
                lineLength = 0; // a field named e.g. "datax": not ours
                return;
            }
            if (hasData) append((byte) '\n');
            for (int i = valueStart; i < lineLength; i++) append(line[i]);
            hasData = true;
        }
        lineLength = 0;
    }

    private boolean startsWith(String field) {
        if (lineLength < field.length()) return false;
        for (int i = 0; i < field.length(); i++) if (line[i] != field.charAt(i)) return false;
        return true;
    }

    private void append(byte b) {
        if (dataLength == data.length) data = Arrays.copyOf(data, data.length * 2);
        data[dataLength++] = b;
    }

    private void dispatch() {
        if (hasData) listener.onEvent(data, dataLength);
        hasData = false;
        dataLength = 0;
    }

    static String text(byte[] data, int length) {
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }
}
