package io.ispflow.messaging.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNameTests {

    @Test
    void directoriesAreDroppedFromTheName() {
        assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileName.of("C:\\Users\\wanjiru\\Mkataba wa huduma.pdf")).isEqualTo("Mkataba wa huduma.pdf");
    }

    @Test
    void controlAndDirectionCharactersAreRemoved() {
        assertThat(SafeFileName.of("invoice\r\nSet-Cookie: x.pdf")).isEqualTo("invoiceSet-Cookie: x.pdf");
        // U+202E would show "invoice‮fdp.exe" as "invoiceexe.pdf"
        assertThat(SafeFileName.of("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void aNameOfNothingUsableBecomesAttachmentAndALongOneIsCut() {
        assertThat(SafeFileName.of(" / ")).isEqualTo("attachment");
        assertThat(SafeFileName.of("..")).isEqualTo("attachment");
        assertThat(SafeFileName.of("ß".repeat(300))).hasSize(SafeFileName.MAX);
    }
}
