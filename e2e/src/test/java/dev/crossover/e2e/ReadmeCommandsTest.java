package dev.crossover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The README and {@link ReadmeCommands} agree: every command the README shows is exercised
 * (DemoTest runs the checks on the demo's cluster), and no check names a command the README no
 * longer shows. Needs no cluster.
 */
class ReadmeCommandsTest {

    @Test
    void everyReadmeCommandIsExercisedAndEveryCheckIsInTheReadme() throws IOException {
        List<String> commands = ReadmeCommands.commands(Files.readString(repoRoot().resolve("README.md")));
        String makefile = Files.readString(repoRoot().resolve("Makefile"));

        assertThat(commands).as("commands read from README.md").hasSizeGreaterThan(20);
        SoftAssertions softly = new SoftAssertions();
        for (String command : commands) {
            if (command.startsWith("make ")) {
                softly.assertThat(ReadmeCommands.MAKE_TARGETS).as("what exercises `%s`", command).containsKey(command);
                String target = command.substring("make ".length());
                softly.assertThat(makefile).as("Makefile target %s", target)
                        .containsPattern("(?m)^" + Pattern.quote(target) + ":");
            } else {
                softly.assertThat(ReadmeCommands.CHECKS.containsKey(command) || ReadmeCommands.PROSE.contains(command))
                        .as("README command `%s` is run by no test: add it to ReadmeCommands.CHECKS", command).isTrue();
            }
        }
        softly.assertThat(commands).as("checks for commands the README no longer shows")
                .containsAll(ReadmeCommands.CHECKS.keySet());
        softly.assertAll();
    }

    @Test
    void commentsAndContinuationsAreReadAsTheShellReadsThem() {
        String readme = "text `kubectl get br` more\n```sh\nhelm install x \\\n  --set a=b   # why\n"
                + "# a comment line\nkubectl get cm \"$(kubectl get br r -o jsonpath='{.a#b}')\"\n```\n";
        assertThat(ReadmeCommands.commands(readme)).containsExactly(
                "helm install x --set a=b", "kubectl get cm \"$(kubectl get br r -o jsonpath='{.a#b}')\"", "kubectl get br");
    }

    static Path repoRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("e2e/scripts/demo.sh"))) {
            root = root.getParent();
        }
        return root;
    }
}
