package ai.openclaw.bench;

/**
 * A small HdrHistogram-like histogram of non-negative {@code long} values (nanoseconds in this
 * module) with fixed, bounded memory and about three significant decimal digits of precision.
 *
 * <p>Values below 2,048 are counted exactly; larger values fall into log-scaled buckets of 1,024
 * linear sub-buckets each, so the relative error of a reported value is below 0.1 %. Values above
 * {@link #MAX_TRACKABLE} (about 137 s in nanoseconds) are clamped to it for the buckets but still
 * count exactly towards {@link #max()} and {@link #mean()}.
 *
 * <p>Not thread-safe: give each thread its own histogram and {@link #add(LatencyHistogram) merge}
 * them when the run is over.
 */
public final class LatencyHistogram {

    /** Largest value tracked with full precision (2^37 - 1, about 137 s in nanoseconds). */
    public static final long MAX_TRACKABLE = (1L << 37) - 1;

    private static final int SUB_BITS = 11;                  // first bucket: 0..2047 exact
    private static final int SUB_COUNT = 1 << SUB_BITS;      // 2048
    private static final int HALF = SUB_COUNT / 2;           // 1024 sub-buckets per higher bucket
    private static final int SIZE = indexOf(MAX_TRACKABLE) + 1;

    private final long[] counts = new long[SIZE];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;
    private double sum;

    /** Creates an empty histogram (about 225 KiB). */
    public LatencyHistogram() {
    }

    private static int indexOf(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int shift = (63 - Long.numberOfLeadingZeros(v)) - (SUB_BITS - 1);   // >= 1
        int sub = (int) (v >>> shift);                                     // [1024, 2047]
        return SUB_COUNT + (shift - 1) * HALF + (sub - HALF);
    }

    /** Highest value that maps to the same bucket as bucket {@code index}. */
    private static long highestEquivalent(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int rel = index - SUB_COUNT;
        int shift = rel / HALF + 1;
        long sub = (rel % HALF) + HALF;
        return ((sub + 1) << shift) - 1;
    }

    /**
     * Records one value.
     *
     * @param value the value, negative values are recorded as 0
     */
    public void record(long value) {
        long v = Math.max(0, value);
        counts[indexOf(Math.min(v, MAX_TRACKABLE))]++;
        total++;
        sum += v;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
    }

    /**
     * Adds all counts of {@code other} to this histogram.
     *
     * @param other the histogram to merge in; it is not changed
     */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Removes every recorded value. */
    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    /**
     * Returns the number of recorded values.
     *
     * @return the number of recorded values
     */
    public long count() {
        return total;
    }

    /**
     * Returns the largest recorded value, exactly, or 0 when empty.
     *
     * @return the largest recorded value, exactly, or 0 when empty
     */
    public long max() {
        return max;
    }

    /**
     * Returns the smallest recorded value, exactly, or 0 when empty.
     *
     * @return the smallest recorded value, exactly, or 0 when empty
     */
    public long min() {
        return total == 0 ? 0 : min;
    }

    /**
     * Returns the arithmetic mean of the recorded values, or 0 when empty.
     *
     * @return the arithmetic mean of the recorded values, or 0 when empty
     */
    public double mean() {
        return total == 0 ? 0 : sum / total;
    }

    /**
     * Returns the value at the given percentile: the highest value equivalent to the smallest
     * recorded value that at least {@code percentile} % of all values are less than or equal to
     * (HdrHistogram's convention), capped at the exact maximum.
     *
     * @param percentile a number in [0, 100]
     * @return the value, or 0 when the histogram is empty
     */
    public long valueAtPercentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        double p = Math.min(100.0, Math.max(0.0, percentile));
        long target = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts[i];
            if (seen >= target) {
                return Math.min(Math.max(highestEquivalent(i), min), max);
            }
        }
        return max;
    }
}
