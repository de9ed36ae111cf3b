package io.ispflow.messaging.staff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of an attachment, detected by Apache Tika from its bytes (magic numbers, else whether it is
 * text). The file name may only make that type more specific (a zip of Office XML parts named
 * {@code .xlsx} is a spreadsheet, text named {@code .csv} is CSV), never decide it: a PDF named
 * {@code .txt} stays a PDF, a program named {@code .pdf} stays a program, and bytes of no known type are
 * refused whatever their name. Only the types staff plausibly exchange are accepted.
 */
final class AttachmentTypes {

    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png", "image/jpeg", "image/gif", "image/webp",
            "text/plain", "text/csv",
            // Office Open XML, recognised by its parts; the name tells the document from the spreadsheet
            "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            // the older binary Office formats (OLE2) and OpenDocument
            "application/x-tika-msoffice", "application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private AttachmentTypes() {
    }

    /**
     * The accepted type of the bytes; refused when Tika finds none, or one not accepted. The bytes' own
     * type must be accepted before the name may narrow it (any zip would otherwise pass as a
     * {@code .docx}), and what the name narrows it to must be accepted too.
     */
    static String of(byte[] bytes, String fileName) {
        MediaType fromBytes = detect(bytes, new Metadata());
        if (fromBytes.equals(MediaType.OCTET_STREAM)) {
            throw new AttachmentTypeRefused("unknown (not recognised from its content)");
        }
        accepted(fromBytes);
        Metadata named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType fromName = detect(null, named);
        return TYPES.getMediaTypeRegistry().isSpecializationOf(fromName, fromBytes) ? accepted(fromName)
                : fromBytes.getBaseType().toString();
    }

    private static String accepted(MediaType type) {
        String base = type.getBaseType().toString();
        if (!ALLOWED.contains(base)) {
            throw new AttachmentTypeRefused(base);
        }
        return base;
    }

    private static MediaType detect(byte[] bytes, Metadata metadata) {
        try {
            return TYPES.detect(bytes == null ? null : new ByteArrayInputStream(bytes), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
