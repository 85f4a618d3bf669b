package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures read in recommendations and the report: "4.52B", "$3,539.04", "12.3". */
public final class Figures {

  private Figures() {}

  /** Tokens with a K/M/B/T suffix and three significant digits. */
  public static String tokens(BigDecimal tokens) {
    String[] suffixes = {"", "K", "M", "B", "T"};
    int group = 0;
    BigDecimal scaled = tokens;
    BigDecimal thousand = BigDecimal.valueOf(1000);
    while (scaled.abs().compareTo(thousand) >= 0 && group < suffixes.length - 1) {
      scaled = scaled.divide(thousand);
      group++;
    }
    return scaled.round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString() + suffixes[group];
  }

  public static String usd(BigDecimal usd) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return "$" + format.format(usd);
  }

  public static String rate(double requestsPerSecond) {
    return BigDecimal.valueOf(requestsPerSecond).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros()
        .toPlainString();
  }

  /** One decimal, or "n/a" for a figure not measured. */
  public static String one(Double value) {
    return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
  }
}
