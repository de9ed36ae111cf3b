package io.ispflow.network.monitoring;

/**
 * One interface as one poll read it. Counters hold the device's value as unsigned bits (a Counter64
 * may use all 64); null when the device did not return the column. {@code wide} says the octet and
 * packet counters are IF-MIB's 64-bit ifHC* ones, otherwise the 32-bit ifTable ones.
 *
 * @param speedMbps ifHighSpeed (or ifSpeed / 10^6 without ifXTable)
 */
record InterfaceReading(int ifIndex, String name, String operStatus, String adminStatus, long speedMbps,
        boolean wide, Long inOctets, Long outOctets, Long inPackets, Long outPackets, Long inErrors,
        Long outErrors) {

    /** The counters, in the order {@link Counters} stores them. */
    Long[] counters() {
        return new Long[] {inOctets, outOctets, inPackets, outPackets, inErrors, outErrors};
    }
}
