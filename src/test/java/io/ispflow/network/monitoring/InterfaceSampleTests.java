package io.ispflow.network.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rates from two polls' counters: plain deltas, wraps of 32- and 64-bit counters, nothing without a previous poll. */
class InterfaceSampleTests {

    static final long TWO_TO_THE_32 = 1L << 32;

    @Test
    void ratesAreTheIntervalsDeltasPerSecond() {
        var before = reading(true, 1_000_000L, 2_000_000L, 100L, 200L, 1L, 0L);
        var after = reading(true, 1_000_000L + 7_500_000L, 2_000_000L + 750_000L, 150L, 260L, 4L, 2L);

        InterfaceSample sample = sampleOf(before, after, 60.0);

        assertThat(sample.inBps()).isEqualTo(1_000_000L);
        assertThat(sample.outBps()).isEqualTo(100_000L);
        assertThat(sample.inOctets()).isEqualTo(7_500_000L);
        assertThat(sample.inPackets()).isEqualTo(50L);
        assertThat(sample.outPackets()).isEqualTo(60L);
        assertThat(sample.errors()).isEqualTo(5);
        assertThat(sample.utilization()).isEqualByComparingTo(new BigDecimal("10.00")); // 1 Mbit/s of 10
    }

    @Test
    void aCounter64WrapsModulo2To64() {
        long nearTheTop = -1_000L; // 2^64 - 1000 as unsigned bits
        var before = reading(true, nearTheTop, 0L, 0L, 0L, 0L, 0L);
        var after = reading(true, 500L, 0L, 0L, 0L, 0L, 0L);

        assertThat(sampleOf(before, after, 1.0).inOctets()).isEqualTo(1_500L);
    }

    @Test
    void aCounter32WrapsModulo2To32() {
        var before = reading(false, TWO_TO_THE_32 - 100, 0L, 0L, 0L, TWO_TO_THE_32 - 1, 0L);
        var after = reading(false, 900L, 0L, 0L, 0L, 1L, 0L);

        InterfaceSample sample = sampleOf(before, after, 10.0);

        assertThat(sample.inOctets()).isEqualTo(1_000L);
        assertThat(sample.inBps()).isEqualTo(800L);
        assertThat(sample.errors()).isEqualTo(2);
    }

    @Test
    void noRatesWithoutThePreviousCountersOrAcrossAChangeOfCounterWidth() {
        var after = reading(true, 5L, 5L, 5L, 5L, 0L, 0L);

        assertThat(sampleOf(null, after, 60.0).inBps()).isNull();
        assertThat(sampleOf(reading(false, 1L, 1L, 1L, 1L, 0L, 0L), after, 60.0).inBps()).isNull();
        assertThat(sampleOf(reading(true, 1L, 1L, 1L, 1L, 0L, 0L), after, null).inBps()).isNull();
    }

    @Test
    void storedCountersReadBackAsWritten() {
        var reading = new InterfaceReading(7, "ge-0/0/7", "up", "up", 1000, true, -5L, Long.MAX_VALUE, null, 3L,
                0L, 1L);

        Counters.Entry entry = Counters.decode(Counters.encode(List.of(reading))).byIndex().get(7);

        assertThat(entry.wide()).isTrue();
        assertThat(entry.values()).containsExactly(-5L, Long.MAX_VALUE, null, 3L, 0L, 1L);
        assertThat(Counters.decode(null).byIndex()).isEmpty();
    }

    private static InterfaceSample sampleOf(InterfaceReading before, InterfaceReading after, Double seconds) {
        Counters previous = before == null ? Counters.NONE : Counters.decode(Counters.encode(List.of(before)));
        return InterfaceSample.of(List.of(after), previous, seconds).get(0);
    }

    private static InterfaceReading reading(boolean wide, Long inOctets, Long outOctets, Long inPackets,
            Long outPackets, Long inErrors, Long outErrors) {
        return new InterfaceReading(1, "eth0", "up", "up", 10, wide, inOctets, outOctets, inPackets, outPackets,
                inErrors, outErrors);
    }
}
