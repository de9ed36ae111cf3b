package io.ispflow.messaging.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Types from the bytes; the name only narrows them, and only what the allow-list names passes. */
class AttachmentTypesTests {

    @Test
    void officeOpenXmlIsKnownByItsPartsAndTheNameTellsTheKind() throws IOException {
        byte[] ooxml = zip("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");

        assertThat(AttachmentTypes.of(ooxml, "budget.xlsx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(AttachmentTypes.of(ooxml, "letter.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(AttachmentTypes.of(ooxml, "letter.txt")).as("a name of another family is ignored")
                .isEqualTo("application/x-tika-ooxml");
    }

    @Test
    void textIsNarrowedByItsNameOnlyToWhatIsAccepted() {
        byte[] text = "echo hello\n".getBytes(StandardCharsets.UTF_8);

        assertThat(AttachmentTypes.of(text, "readings.csv")).isEqualTo("text/csv");
        assertThat(AttachmentTypes.of(text, "notes")).isEqualTo("text/plain");
        assertThatThrownBy(() -> AttachmentTypes.of(text, "install.sh")).isInstanceOf(AttachmentTypeRefused.class);
    }

    @Test
    void aPlainArchiveIsRefusedEvenWhenNamedAsAnOfficeDocument() throws IOException {
        byte[] archive = zip("payload.exe", "MZ");

        assertThatThrownBy(() -> AttachmentTypes.of(archive, "letter.docx"))
                .isInstanceOf(AttachmentTypeRefused.class)
                .extracting(e -> ((AttachmentTypeRefused) e).detectedType()).isEqualTo("application/zip");
    }

    @Test
    void imagesAreKnownByTheirSignatureAndPagesAreRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(AttachmentTypes.of(png, "photo.txt")).isEqualTo("image/png");

        byte[] page = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AttachmentTypes.of(page, "notes.txt")).isInstanceOf(AttachmentTypeRefused.class);
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AttachmentTypes.of(svg, "logo.png")).isInstanceOf(AttachmentTypeRefused.class);
    }

    private static byte[] zip(String firstEntry, String content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(firstEntry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
