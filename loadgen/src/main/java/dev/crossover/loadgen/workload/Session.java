package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.client.GenerationRequest;
import java.time.Duration;
import java.util.List;

/** The ordered requests of one conversation. */
public record Session(List<Turn> turns) {
    public Session {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) throw new IllegalArgumentException("a session needs at least one turn");
    }

    /** The same turns, each marked as belonging to conversation {@code sequence}. */
    public Session inConversation(long sequence) {
        return new Session(turns.stream()
                .map(t -> new Turn(t.request().inConversation(sequence), t.pauseBefore())).toList());
    }

    public static Session single(GenerationRequest request) {
        return new Session(List.of(new Turn(request, Duration.ZERO)));
    }

    /**
     * @param pauseBefore time between the end of the previous turn and this one (a simulated tool
     *                    call or user think time); zero for the first turn
     */
    public record Turn(GenerationRequest request, Duration pauseBefore) {}
}
