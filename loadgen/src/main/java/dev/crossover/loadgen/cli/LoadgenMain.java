package dev.crossover.loadgen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the CLI and of the load Job image: {@code java -jar crossover-loadgen-all.jar <command>}. */
@Command(name = "loadgen", mixinStandardHelpOptions = true, version = "crossover-loadgen 0.1.0",
        description = "Crossover's load generator: accurate TTFT/ITL/TPOT/E2E for OpenAI-compatible targets.",
        subcommands = {RunCommand.class, MergeCommand.class, SummaryCommand.class, CalibrateCommand.class,
                ScenariosCommand.class})
public final class LoadgenMain {

    public static void main(String[] args) {
        // Idle keep-alive connections are dropped after 4 s, before the 5 s of uvicorn (LiteLLM) and
        // similar servers: reusing a connection the server has just closed would fail a POST, which
        // the JDK client does not retry, and count as the target's error. Read when the HTTP client
        // class initialises, so it is set first; an explicit -D wins.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "4");
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new LoadgenMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
