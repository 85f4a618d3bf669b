package dev.crossover.loadgen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a document to a file, or to the command's stdout for "-". */
final class Output {
    private Output() {}

    static void write(String target, String text, PrintWriter stdout) throws IOException {
        if (target == null || target.equals("-")) {
            stdout.println(text);
            stdout.flush();
        } else {
            Path p = Path.of(target);
            if (p.toAbsolutePath().getParent() != null) Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(p, text + "\n");
        }
    }
}
