package dev.crossover.loadgen.client;

/** Which OpenAI-compatible endpoint to call. */
public enum OpenAiApi {
    CHAT("/chat/completions"),
    COMPLETIONS("/completions");

    public final String path;

    OpenAiApi(String path) { this.path = path; }
}
