package io.ispflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * User name and password of an HTTP Basic {@code Authorization} header. The engine REST API's
 * throttle and its password check both read the header with this one parser, so that the account
 * held back is always the account whose password gets checked.
 */
record BasicCredentials(String userId, String password) {

    private static final String PREFIX = "Basic ";

    /** The credentials, or null if the header is missing or not well-formed HTTP Basic. */
    static BasicCredentials of(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)) : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + userId + "]";
    }
}
