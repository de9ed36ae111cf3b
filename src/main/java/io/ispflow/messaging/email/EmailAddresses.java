package io.ispflow.messaging.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What counts as an e-mail address here: a bare address ({@code name@example.co.ke}) that Jakarta Mail
 * reads strictly (RFC 822), with a domain of at least two labels, at most 254 characters; no display
 * name, group or list.
 */
public final class EmailAddresses {

    static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH || !address.equals(address.strip())) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String domain = address.substring(address.lastIndexOf('@') + 1);
            return parsed.getAddress().equals(address) && parsed.getPersonal() == null && !parsed.isGroup()
                    && domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".")
                    && !domain.startsWith("[");
        } catch (AddressException | IndexOutOfBoundsException notAnAddress) {
            return false;
        }
    }

    /** The address's domain, lower case. */
    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
