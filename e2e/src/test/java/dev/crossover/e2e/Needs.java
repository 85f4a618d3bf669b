package dev.crossover.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What an e2e test needs beyond the cluster (an image, a file, a setting). Missing, it skips the
 * test where skipping is allowed (a developer's partial run) and fails it under
 * {@code CROSSOVER_E2E_REQUIRED=true} (make test), with the build's own error when run-e2e.sh
 * recorded one: under make test nothing skips because something failed to build.
 */
public final class Needs {

    private Needs() {
    }

    /** The named optional image of the cluster (litellm, bifrost, epp, loadgen, operator). */
    public static String image(TestCluster cluster, String name) {
        String image = cluster.optionalImage(name);
        that(image != null, cluster.name() + " has no " + name + " image (e2e/scripts/build-images.sh " + name + ")",
                name);
        return image;
    }

    /** The simulator image, which cluster-up.sh loads into every local cluster. */
    public static String simulatorImage(TestCluster cluster) {
        String image = cluster.simulatorImage();
        that(image != null, cluster.name() + " has no simulator image", "sim");
        return image;
    }

    /**
     * Skips (outside make test) or fails (under it) unless {@code present}. {@code buildLogName}
     * names the image whose failed build log run-e2e.sh kept, if any, to put in the failure.
     */
    public static void that(boolean present, String what, String buildLogName) {
        if (present) {
            return;
        }
        if (!TestClusters.required()) {
            Assumptions.abort(what);
        }
        String logs = System.getenv("CROSSOVER_IMAGE_BUILD_LOGS");
        fail(what + (logs == null ? "" : buildFailure(Path.of(logs), buildLogName)));
    }

    /** The tail of the failed build's log that run-e2e.sh kept in {@code logs}, or "" if none. */
    static String buildFailure(Path logs, String name) {
        if (name == null) {
            return "";
        }
        Path log = logs.resolve(name + ".failed");
        if (!Files.isReadable(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log);
            return "\nits build failed:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\nits build failed (log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }
}
