package io.ispflow.messaging.email;

import java.util.Locale;

/** How the connection to a company's SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS, which the server must offer (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL,
    /** No TLS: for an SMTP server on this machine only (loopback), as in tests and the demo. */
    NONE;

    /** As stored and as the API writes it: {@code starttls}, {@code ssl}, {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SmtpSecurity of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Whether the host is this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}. */
    public static boolean loopback(String host) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}") || name.equals("::1")
                || name.equals("[::1]");
    }
}
