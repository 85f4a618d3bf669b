package dev.crossover.loadgen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A container's termination message: the kubelet copies up to 4096 bytes of this file into the
 * pod's status, where the operator reads it without the pods/log API (and without a kubelet
 * answering). A longer document would be cut into invalid JSON, so it is written only whole;
 * otherwise the file stays empty and the reader falls back to the log.
 */
final class TerminationLog {
    /** The kubelet's limit per container. */
    static final int LIMIT_BYTES = 4096;

    private TerminationLog() {}

    /** @return whether the text was written */
    static boolean writeIfFits(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > LIMIT_BYTES) {
            return false;
        }
        Files.write(file, bytes);
        return true;
    }
}
