package io.ispflow.network.monitoring;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interface counters of a device's last successful poll, as kept in
 * {@code equipment_poll_state.counters}: a version byte, then per interface its ifIndex, a byte of flags
 * (bit 0: 64-bit counters; bits 1–6: which of the six counters the device returned) and the six
 * counters as 8 bytes each (57 bytes per interface).
 */
record Counters(Map<Integer, Entry> byIndex) {

    private static final byte VERSION = 1;
    private static final int COUNTERS = 6;

    /** One interface's counters: in/out octets, in/out packets, in/out errors; null where not read. */
    record Entry(boolean wide, Long[] values) {
    }

    static final Counters NONE = new Counters(Map.of());

    static byte[] encode(List<InterfaceReading> interfaces) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + interfaces.size() * (5 + 8 * COUNTERS));
        buffer.put(VERSION);
        for (InterfaceReading reading : interfaces) {
            Long[] values = reading.counters();
            int flags = reading.wide() ? 1 : 0;
            for (int i = 0; i < COUNTERS; i++) {
                flags |= values[i] == null ? 0 : 2 << i;
            }
            buffer.putInt(reading.ifIndex()).put((byte) flags);
            for (Long value : values) {
                buffer.putLong(value == null ? 0 : value);
            }
        }
        return buffer.array();
    }

    /** The stored counters; none when nothing (or an unknown format) is stored. */
    static Counters decode(byte[] stored) {
        if (stored == null || stored.length == 0 || stored[0] != VERSION) {
            return NONE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
        Map<Integer, Entry> entries = new HashMap<>();
        while (buffer.remaining() >= 5 + 8 * COUNTERS) {
            int ifIndex = buffer.getInt();
            int flags = buffer.get();
            Long[] values = new Long[COUNTERS];
            for (int i = 0; i < COUNTERS; i++) {
                long value = buffer.getLong();
                values[i] = (flags & (2 << i)) != 0 ? value : null;
            }
            entries.put(ifIndex, new Entry((flags & 1) != 0, values));
        }
        return new Counters(entries);
    }
}
