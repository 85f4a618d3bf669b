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
    static final int DEFAULT_TURNS = 5;

    private final long seed;
    private final String systemPrompt;
    private final TokenLengths userTokens;
    private final TokenLengths toolResultTokens;
    private final TokenLengths outputTokens;
    private final Duration toolLatency;
    private final int turnCount;
    private final int toolCalls;

    public AgentConversationWorkload(long seed, TokenLengths userTokens, TokenLengths toolResultTokens,
                                     TokenLengths outputTokens, Duration toolLatency) {
        this(seed, userTokens, toolResultTokens, outputTokens, toolLatency, DEFAULT_TURNS, TOOLS.size());
    }

    /**
     * @param turns     requests per conversation, each resending the history
     * @param toolCalls tool calls, one after each of the first turns: at most turns - 1 (a call needs
     *                  a turn after it to receive its result); the tools named cycle
     */
    public AgentConversationWorkload(long seed, TokenLengths userTokens, TokenLengths toolResultTokens,
                                     TokenLengths outputTokens, Duration toolLatency, int turns, int toolCalls) {
        if (turns < 1 || toolCalls < 0 || toolCalls > turns - 1) {
            throw new IllegalArgumentException("an agent conversation needs turns >= 1 and 0 <= toolCalls <= turns - 1"
                    + " (got turns " + turns + ", toolCalls " + toolCalls + ")");
        }
        this.turnCount = turns;
        this.toolCalls = toolCalls;
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
        for (int turn = 0; turn < turnCount; turn++) {
            // The turns after the first toolCalls ones follow a tool call; the rest follow a user's follow-up.
            Duration pause = turn >= 1 && turn <= toolCalls ? toolLatency : Duration.ZERO;
            turns.add(new Turn(GenerationRequest.of(history, outputTokens.sample(random)), pause));
            if (turn == turnCount - 1) break;
            if (turn < toolCalls) {
                String tool = TOOLS.get(turn % TOOLS.size());
                history.add(ChatMessage.assistant("Calling " + tool + "(" + SyntheticText.words(random, 8) + ")"));
                history.add(ChatMessage.user("Result of " + tool + ": "
                        + SyntheticText.words(random, toolResultTokens.sample(random))));
            } else {
                history.add(ChatMessage.assistant(SyntheticText.words(random, 40)));
                history.add(ChatMessage.user("Follow-up: " + SyntheticText.words(random, userTokens.sample(random))));
            }
        }
        return new Session(turns);
    }
}
