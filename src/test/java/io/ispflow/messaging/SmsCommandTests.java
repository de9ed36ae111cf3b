package io.ispflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clients' texts are read as commands the way they type them, in English or Swahili. */
class SmsCommandTests {

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "STOP|STOP|-", " stop |STOP|-", "Stop all|STOP|-", "ACHA|STOP|-", "unsubscribe|STOP|-",
            "START|START|-", "anza|START|-",
            "BAL|BALANCE|-", "balance|BALANCE|-", "Salio|BALANCE|-",
            "PAY 500|PAY|500", "pay500|PAY|500", "Lipa 1,500|PAY|1500", "pay ksh 750|PAY|750", "PAY KES. 300.00|PAY|300",
            "PAY|PAY|-", "pay 0|PAY|-", "pay later please|PAY|-", "LIPA -5|PAY|-",
            "My router blinks red|OTHER|-", "stop the noise|OTHER|-", "''|OTHER|-", "balance?|BALANCE|-", "Stop!|STOP|-"})
    void readsWhatTheClientAsks(String text, SmsCommand command, BigDecimal amount) {
        var read = SmsCommand.read(text);

        assertThat(read.command()).isEqualTo(command);
        if (amount == null) {
            assertThat(read.amount()).isNull();
        } else {
            assertThat(read.amount()).isEqualByComparingTo(amount);
        }
    }
}
