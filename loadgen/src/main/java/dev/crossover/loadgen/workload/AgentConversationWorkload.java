package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.workload.Session.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenario 5 (multi-turn agent): five turns with three tool calls (web search, database query,
 * calculation) in between. Each turn resends the growing history, as an agent does. Tool calls are
 * simulated: the assistant's turn is written into the history as a call, the tool's answer as a
 * user message (a form every OpenAI-compatible server and Bedrock accept without tool schemas), and
 * the next turn waits the tool latency. The history uses synthetic assistant text rather than the
 * server's actual reply so the request stream stays reproducible from the seed.
 */
public final class AgentConversationWorkload implements Workload {
    static final List<String> TOOLS = List.of("web_search", "db_query", "calculator");
    private static final int TURNS = 5;

    private final long seed;
    private final String systemPrompt;
    private final TokenLengths userTokens;
    private final TokenLengths toolResultTokens;
    private final TokenLengths outputTokens;
    private final Duration toolLatency;

    public AgentConversationWorkload(long seed, TokenLengths userTokens, TokenLengths toolResultTokens,
                                     TokenLengths outputTokens, Duration toolLatency) {
        this.seed = seed;
        this.systemPrompt = SystemPromptWorkload.fixedPrompts("an agent", 1, 500).get(0)
                + " Tools: " + String.join(", ", TOOLS) + ".";
        this.userTokens = userTokens;
        this.toolResultTokens = toolResultTokens;
        this.outputTokens = outputTokens;
        this.toolLatency = toolLatency;
    }

    @Override
    public Session session(long sequence) {
        SplittableRandom random = SyntheticText.randomFor(seed, sequence);
        List<ChatMessage> history = new ArrayList<>();
        history.add(ChatMessage.system(systemPrompt));
        history.add(ChatMessage.user(SyntheticText.nonce(seed, sequence) + " Task: "
                + SyntheticText.words(random, userTokens.sample(random))));
        List<Turn> turns = new ArrayList<>();
        for (int turn = 0; turn < TURNS; turn++) {
            // Turns 2-4 follow a tool call; turn 5 follows the user's follow-up question.
            Duration pause = turn >= 1 && turn <= TOOLS.size() ? toolLatency : Duration.ZERO;
            turns.add(new Turn(GenerationRequest.of(history, outputTokens.sample(random)), pause));
            if (turn < TOOLS.size()) {
                String tool = TOOLS.get(turn);
                history.add(ChatMessage.assistant("Calling " + tool + "(" + SyntheticText.words(random, 8) + ")"));
                history.add(ChatMessage.user("Result of " + tool + ": "
                        + SyntheticText.words(random, toolResultTokens.sample(random))));
            } else if (turn == TOOLS.size()) {
                history.add(ChatMessage.assistant(SyntheticText.words(random, 40)));
                history.add(ChatMessage.user("Follow-up: " + SyntheticText.words(random, userTokens.sample(random))));
            }
        }
        return new Session(turns);
    }
}
