package io.ispflow.messaging.sms;

/**
 * How many SMS a text costs, as the networks count it (3GPP TS 23.038): a text entirely in the GSM
 * 7-bit alphabet takes 160 characters in one SMS and 153 per part beyond (characters of the extension
 * table, such as {@code €} or {@code [}, count twice); any other character makes the whole text UCS-2,
 * 70 characters in one SMS and 67 per part (characters outside the Basic Multilingual Plane count twice).
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param units    septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments the SMS the text is sent as
 */
public record SmsSegments(String encoding, int units, int segments) {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    public static SmsSegments of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0 && c != '\u001B') {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new SmsSegments("UCS-2", units, units <= 70 ? 1 : (units + 66) / 67);
            }
        }
        return new SmsSegments("GSM-7", septets, septets <= 160 ? 1 : (septets + 152) / 153);
    }
}
