package io.ispflow.network.readings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A series has at most 300 points in buckets of whole minutes, whatever the window. */
class TrafficBucketsTests {

    @Test
    void bucketsAreWholeMinutesAndAtMostThreeHundredFitTheWindow() {
        for (int hours = 1; hours <= 168; hours++) {
            int bucket = InterfaceReadings.bucketSeconds(hours);
            assertThat(bucket % 60).as("%d h", hours).isZero();
            // the window may cut a bucket at either end: one more than the whole buckets it holds
            assertThat(hours * 3600 / bucket + 1).as("%d h", hours).isLessThanOrEqualTo(InterfaceReadings.MAX_POINTS);
        }
    }

    @Test
    void aDayIsFiveMinuteBucketsAndAnHourIsMinutes() {
        assertThat(InterfaceReadings.bucketSeconds(24)).isEqualTo(300);
        assertThat(InterfaceReadings.bucketSeconds(1)).isEqualTo(60);
        assertThat(InterfaceReadings.bucketSeconds(168)).isEqualTo(2040);
    }
}
