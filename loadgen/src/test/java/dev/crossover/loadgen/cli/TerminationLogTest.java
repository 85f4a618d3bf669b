package dev.crossover.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationLogTest {

    @Test
    void writesAWholeDocumentOrNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("termination-log");
        Files.writeString(file, "");
        String fits = "{\"x\":\"" + "a".repeat(TerminationLog.LIMIT_BYTES - 8) + "\"}";
        assertThat(fits.length()).isEqualTo(TerminationLog.LIMIT_BYTES);
        assertThat(TerminationLog.writeIfFits(file, fits)).isTrue();
        assertThat(Files.readString(file)).isEqualTo(fits);

        Path other = dir.resolve("other");
        Files.writeString(other, "");
        // One multi-byte character more: 4097 bytes would reach the pod status cut in two.
        assertThat(TerminationLog.writeIfFits(other, fits.replaceFirst("a", "é"))).isFalse();
        assertThat(Files.readString(other)).isEmpty();
    }
}
