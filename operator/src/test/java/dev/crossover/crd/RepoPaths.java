package dev.crossover.crd;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository the tests run in (set by the build as crossover.repo.root). */
public final class RepoPaths {
  private RepoPaths() {}

  public static Path root() {
    String configured = System.getProperty("crossover.repo.root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("crds")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("operator"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root (a folder with crds/, operator/ and pom.xml) from " + start);
  }

  public static Path crds() {
    return root().resolve("crds");
  }

  public static Path samples() {
    return root().resolve("samples");
  }
}
