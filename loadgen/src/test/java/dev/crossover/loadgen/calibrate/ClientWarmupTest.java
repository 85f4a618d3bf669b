package dev.crossover.loadgen.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientWarmupTest {
    @Test
    void sendsTheRequestedNumberOfRequestsToTheLoopbackServer() throws Exception {
        assertThat(ClientWarmup.run(300)).isEqualTo(300);
        assertThat(ClientWarmup.run(0)).isZero();
    }
}
