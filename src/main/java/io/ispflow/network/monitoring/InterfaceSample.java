package io.ispflow.network.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code interface_statistics}: an interface as read, with the interval's deltas and rates
 * when the previous poll's counters allow them (null otherwise: the first poll, a restart, a counter
 * the device did not return).
 */
record InterfaceSample(InterfaceReading reading, Long inBps, Long outBps, BigDecimal utilization, int errors,
        Long inOctets, Long outOctets, Long inPackets, Long outPackets) {

    private static final BigDecimal MAX_UTILIZATION = new BigDecimal("9999.99");

    /**
     * The samples of a poll against the previous one's counters, {@code seconds} apart; without rates
     * when {@code seconds} is null (no previous counters, or the device restarted).
     */
    static List<InterfaceSample> of(List<InterfaceReading> readings, Counters previous, Double seconds) {
        List<InterfaceSample> samples = new ArrayList<>(readings.size());
        for (InterfaceReading now : readings) {
            Counters.Entry before = seconds == null ? null : previous.byIndex().get(now.ifIndex());
            if (before == null || before.wide() != now.wide()) {
                samples.add(new InterfaceSample(now, null, null, BigDecimal.ZERO, 0, null, null, null, null));
                continue;
            }
            Long[] current = now.counters();
            Long[] delta = new Long[current.length];
            for (int i = 0; i < current.length; i++) {
                // ifInErrors/ifOutErrors are Counter32 whatever the octet counters are
                delta[i] = delta(before.values()[i], current[i], now.wide() && i < 4);
            }
            Long inBps = bps(delta[0], seconds);
            Long outBps = bps(delta[1], seconds);
            long errors = (delta[4] == null ? 0 : delta[4]) + (delta[5] == null ? 0 : delta[5]);
            samples.add(new InterfaceSample(now, inBps, outBps, utilization(inBps, outBps, now.speedMbps()),
                    (int) Math.min(errors, Integer.MAX_VALUE), delta[0], delta[1], delta[2], delta[3]));
        }
        return samples;
    }

    /**
     * The increase of a counter between two readings, across a wrap: modulo 2^64 for a Counter64,
     * modulo 2^32 for a Counter32. Null when either reading is missing, or when a 64-bit difference is
     * beyond what a counter can gain in any interval (a discontinuity, not traffic).
     */
    static Long delta(Long before, Long now, boolean counter64) {
        if (before == null || now == null) {
            return null;
        }
        if (!counter64) {
            return (now - before) & 0xFFFF_FFFFL;
        }
        long difference = now - before; // two's complement: exactly the difference modulo 2^64
        return difference < 0 ? null : difference;
    }

    private static Long bps(Long octets, double seconds) {
        return octets == null || seconds <= 0 ? null : Math.round(octets * 8 / seconds);
    }

    /** The busier direction's share of the interface's speed, in per cent. */
    private static BigDecimal utilization(Long inBps, Long outBps, long speedMbps) {
        if (speedMbps <= 0 || (inBps == null && outBps == null)) {
            return BigDecimal.ZERO;
        }
        long busier = Math.max(inBps == null ? 0 : inBps, outBps == null ? 0 : outBps);
        BigDecimal percent = BigDecimal.valueOf(busier).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(speedMbps * 1_000_000), 2, RoundingMode.HALF_UP);
        return percent.min(MAX_UTILIZATION);
    }
}
