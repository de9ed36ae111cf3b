package io.ispflow.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an SMS costs: GSM-7 160 and 153 per part, extension characters twice, UCS-2 70 and 67 per part. */
class SmsSegmentsTests {

    @Test
    void plainTextIsGsm7Of160AndThen153PerPart() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments("GSM-7", 161, 2));
        assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(new SmsSegments("GSM-7", 306, 2));
        assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(new SmsSegments("GSM-7", 307, 3));
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.of("KES 500 [paid] €")).isEqualTo(new SmsSegments("GSM-7", 19, 1));
        assertThat(SmsSegments.of("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideTheAlphabetMakesTheWholeTextUcs2() {
        assertThat(SmsSegments.of("Asante ✓")).isEqualTo(new SmsSegments("UCS-2", 8, 1));
        assertThat(SmsSegments.of("✓" + "a".repeat(69)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("✓" + "a".repeat(70)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("✓" + "a".repeat(134)).segments()).isEqualTo(3);
        // a character beyond the Basic Multilingual Plane takes two code units
        assertThat(SmsSegments.of("Karibu 😀")).isEqualTo(new SmsSegments("UCS-2", 9, 1));
    }
}
