package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Bonett-Price difference of medians on histograms, against cases worked by hand (and published
 * with the method's reference implementation). Values below 2048 are exact in a 3-digit
 * HdrHistogram, so the order statistics are the data's own.
 */
class MedianDifferenceTest {

  static Histogram of(long... values) {
    Histogram h = new Histogram(3);
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  @Test
  void tenAgainstTenWorkedByHand() {
    // Sorted: 26 27 29 32 34 35 37 39 40 43 | 31 33 36 39 42 44 46 47 48 49.
    Histogram y1 = of(32, 39, 26, 35, 43, 27, 40, 37, 34, 29);
    Histogram y2 = of(36, 44, 47, 42, 49, 39, 46, 31, 33, 48);
    // Medians (34+35)/2 = 34.5 and (42+44)/2 = 43. a = round(10/2 - sqrt(10)) = round(1.84) = 2, so
    // Y(2), Y(9) = 27, 40 and 33, 48. Their coverage: P(Bin(10, .5) <= 1) = 11/1024, z = 2.29938,
    // SE = 13/(2z) = 2.82687 and 15/(2z) = 3.26178; SE of the difference sqrt(2.82687^2 + 3.26178^2) = 4.31629.
    var e1 = MedianDifference.estimate(y1).orElseThrow();
    assertThat(e1.median()).isEqualTo(34.5);
    assertThat(e1.standardError()).isCloseTo(2.82687, within(1e-4));
    var d = MedianDifference.of(y1, y2).orElseThrow();
    assertThat(d.difference()).isEqualTo(-8.5);
    assertThat(d.standardError()).isCloseTo(4.316291, within(1e-5));
    assertThat(d.low()).isCloseTo(-16.95977, within(1e-4));
    assertThat(d.high()).isCloseTo(-0.04022524, within(1e-4));
  }

  @Test
  void twentyAgainstTwentySkewed() {
    Histogram y1 = of(70, 394, 43, 95, 62, 128, 2, 203, 81, 436, 85, 35, 156, 1, 3, 27, 63, 181, 184, 18);
    Histogram y2 = of(102, 120, 78, 78, 417, 124, 86, 171, 176, 129, 230, 194, 100, 157, 306, 411, 164, 103, 193, 312);
    // a = round(10 - 4.47) = 6: Y(6), Y(15) = 35, 156 and 102, 194; P(Bin(20, .5) <= 5) = 0.020695, z = 2.0399.
    var d = MedianDifference.of(y1, y2).orElseThrow();
    assertThat(d.difference()).isEqualTo(75.5 - 160.5);
    assertThat(d.standardError()).isCloseTo(37.11502, within(1e-4));
    assertThat(d.low()).isCloseTo(-157.7441, within(1e-3));
    assertThat(d.high()).isCloseTo(-12.25589, within(1e-3));
  }

  @Test
  void tooFewValuesGiveNoInterval() {
    assertThat(MedianDifference.of(of(1, 2, 3, 4), of(1, 2, 3, 4, 5, 6))).isEmpty();
  }

  @Test
  void valueAtRankCountsRepeatedValues() {
    Histogram h = of(5, 5, 5, 9);
    assertThat(MedianDifference.valueAtRank(h, 3)).isEqualTo(5);
    assertThat(MedianDifference.valueAtRank(h, 4)).isEqualTo(9);
  }
}
