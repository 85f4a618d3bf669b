package dev.crossover.operator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations as the API accepts them (1h30m, 250ms, 2m). */
public final class Durations {
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

  private Durations() {}

  public static long millis(String duration) {
    Matcher m = PART.matcher(duration);
    double total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw new IllegalArgumentException("not a duration: " + duration);
      }
      double n = Double.parseDouble(m.group(1));
      total += switch (m.group(2)) {
        case "ms" -> n;
        case "s" -> n * 1000;
        case "m" -> n * 60_000;
        default -> n * 3_600_000;
      };
      end = m.end();
    }
    if (end != duration.length() || end == 0) {
      throw new IllegalArgumentException("not a duration: " + duration);
    }
    return Math.round(total);
  }

  public static long seconds(String duration) {
    return (long) Math.ceil(millis(duration) / 1000.0);
  }
}
