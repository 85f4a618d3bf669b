package dev.crossover.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locally built Java runtime image (the base the operator and loadgen images are built on)
 * starts a JVM in a pod of the cluster.
 */
class JreImageTest extends ClusterTestBase {

    @Override
    protected String namespacePrefix() {
        return "e2e-jre";
    }

    @Test
    void javaRunsInAPod() {
        Needs.that(cluster.jreImage() != null, cluster.name() + " has no JRE image", "jre");
        runToCompletion("java", imagePodSpec(cluster.jreImage(), "Never",
                "-XshowSettings:properties", "-XX:+UseSerialGC", "-version"));
        assertThat(logs("java")).contains("java.home = /opt/java").contains("Runtime Environment");
    }
}
