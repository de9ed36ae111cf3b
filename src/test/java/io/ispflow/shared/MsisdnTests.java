package io.ispflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MsisdnTests {

    @ParameterizedTest
    @ValueSource(strings = {"0712345678", "0712 345 678", "+254712345678", "254712345678", "+254 712-345-678", "712345678"})
    void kenyanNumbersAreReadAsPeopleWriteThem(String typed) {
        assertThat(Msisdn.parse(typed).e164()).isEqualTo("+254712345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+256772123456", "+255754123456"})
    void neighbouringCountriesNeedTheirPrefix(String typed) {
        assertThat(Msisdn.parse(typed).e164()).isEqualTo(typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "07123", "hello", "+2547123456789999"})
    void nonsenseIsRefused(String typed) {
        assertThatThrownBy(() -> Msisdn.parse(typed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Msisdn.isValid(typed)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0110123456"})
    void newSafaricomRangesAreValid(String typed) {
        assertThat(Msisdn.parse(typed).digits()).isEqualTo("254110123456");
    }
}
