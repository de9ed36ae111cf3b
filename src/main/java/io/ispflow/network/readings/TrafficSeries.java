package io.ispflow.network.readings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interface's traffic over the last hours, as a chart draws it: the mean rates (bit/s) of each
 * bucket of {@code bucketSeconds}, oldest first; buckets without samples are left out.
 */
public record TrafficSeries(UUID deviceId, int ifIndex, int hours, int bucketSeconds, Instant from, Instant to,
        List<Point> points) {

    /** The mean rates of the bucket starting {@code at}. */
    public record Point(Instant at, Long inBps, Long outBps) {
    }
}
