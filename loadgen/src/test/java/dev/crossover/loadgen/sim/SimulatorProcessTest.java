package dev.crossover.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorProcessTest {

    @Test
    void aMissingSimulatorFailsAndSaysHowToBuildIt(@TempDir Path dir) {
        assertThatThrownBy(() -> SimulatorProcess.binary(Map.of("CROSSOVER_SIM_BIN", dir.resolve("absent").toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run e2e/scripts/build-sim.sh");
    }

    @Test
    void theVersionPinComesFromVersionsSh() throws Exception {
        String pin = SimulatorProcess.version();
        assertThat(pin).matches("v\\d+\\.\\d+\\.\\d+.*");
        Path versions = Path.of(System.getProperty("crossover.repo.root", "."), "e2e", "scripts", "versions.sh");
        String override = System.getenv("SIM_VERSION");
        if (override != null && !override.isBlank()) assertThat(pin).isEqualTo(override);
        else assertThat(Files.readString(versions)).contains("SIM_VERSION:-" + pin);
    }
}
