package dev.crossover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test that fails for a missing image carries the end of that image's failed build. */
class NeedsTest {

    @Test
    void aFailedBuildsLogTailIsPartOfTheFailure(@TempDir Path logs) throws IOException {
        String log = IntStream.rangeClosed(1, 60).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"))
                + "\nERROR: pip could not resolve litellm";
        Files.writeString(logs.resolve("litellm.failed"), log);

        String failure = Needs.buildFailure(logs, "litellm");

        assertThat(failure).startsWith("\nits build failed:").contains("ERROR: pip could not resolve litellm")
                .contains("line 60").doesNotContain("line 20\n");
    }

    @Test
    void anImageThatBuiltOrHasNoLogAddsNothing(@TempDir Path logs) throws IOException {
        Files.writeString(logs.resolve("bifrost.log"), "still building");
        assertThat(Needs.buildFailure(logs, "bifrost")).isEmpty();
        assertThat(Needs.buildFailure(logs, null)).isEmpty();
    }
}
