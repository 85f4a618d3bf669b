package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.PreparedRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the turns of one session in order: each turn is intended at the end of the previous one
 * plus its pause, so a late timer shows up as scheduling lag and latency, as in the open loop.
 * A failed turn ends its session (an agent cannot continue without the answer).
 */
final class SessionSender {
    private final StreamingClient client;
    private final RunRecorder recorder;
    private final ScheduledExecutorService timers;

    SessionSender(StreamingClient client, RunRecorder recorder, ScheduledExecutorService timers) {
        this.client = client;
        this.recorder = recorder;
        this.timers = timers;
    }

    /** @return completes with the last outcome of the session when the session is over */
    CompletableFuture<RequestOutcome> send(Session session, long firstIntendedNanos) {
        return send(session, client.prepare(session.turns().get(0).request()), firstIntendedNanos);
    }

    /** @param firstTurn the first turn, prepared ahead of its instant by the caller */
    CompletableFuture<RequestOutcome> send(Session session, PreparedRequest firstTurn, long firstIntendedNanos) {
        CompletableFuture<RequestOutcome> done = new CompletableFuture<>();
        sendTurn(session, 0, firstTurn, firstIntendedNanos, done);
        return done;
    }

    private void sendTurn(Session session, int turn, PreparedRequest prepared, long intended,
                          CompletableFuture<RequestOutcome> done) {
        long token = recorder.sending(intended);
        client.send(prepared, intended).whenComplete((o, t) -> {
            if (o == null) {
                recorder.forget(token);
                done.completeExceptionally(t);
                return;
            }
            recorder.accept(token, o, session.turns().get(turn).request().maxTokens());
            int next = turn + 1;
            if (!o.succeeded() || next == session.turns().size()) {
                done.complete(o);
                return;
            }
            long nextIntended = o.endNanos() + session.turns().get(next).pauseBefore().toNanos();
            try {
                PreparedRequest nextTurn = client.prepare(session.turns().get(next).request());
                timers.schedule(() -> sendTurn(session, next, nextTurn, nextIntended, done),
                        Math.max(0, nextIntended - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                done.complete(o);
            }
        });
    }
}
