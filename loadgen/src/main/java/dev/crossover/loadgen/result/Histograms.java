package dev.crossover.loadgen.result;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Creation and the wire encoding of the run's histograms. */
public final class Histograms {
    /** 3 significant digits: 0.1% resolution, enough to see a 1 ms change on a 1 s TTFT. */
    public static final int SIGNIFICANT_DIGITS = 3;
    /** The encoding name written into results, so a reader knows how to decode "data". */
    public static final String ENCODING = "hdrhistogram-compressed-base64";

    private Histograms() {}

    /** Auto-resizing: a 10-minute stall is recorded, not dropped as out of range. */
    public static Histogram newNanosHistogram() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    public static String encode(org.HdrHistogram.AbstractHistogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes the int-count histograms of interval series. */
    public static org.HdrHistogram.IntCountsHistogram decodeIntCounts(String base64) {
        try {
            return org.HdrHistogram.IntCountsHistogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an HdrHistogram compressed histogram", e);
        }
    }

    public static Histogram decode(String base64) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
            h.setAutoResize(true);
            return h;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an HdrHistogram compressed histogram", e);
        }
    }
}
