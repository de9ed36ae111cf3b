package io.ispflow.tenancy;

import java.util.Locale;

/** The company already has as many clients as its licence allows. */
public class ClientLimitReached extends RuntimeException {

    private final int limit;

    public ClientLimitReached(LicenseType licenseType, int limit) {
        this(explain(licenseType, limit), limit);
    }

    public ClientLimitReached(String message, int limit) {
        super(message);
        this.limit = limit;
    }

    /** The sentence staff read when a registration is refused. */
    public static String explain(LicenseType licenseType, int limit) {
        return "Client limit reached: the " + licenseType.name().toLowerCase(Locale.ROOT)
                + " licence of this company allows " + limit
                + " clients. Upgrade the licence or disconnect clients first.";
    }

    public int limit() {
        return limit;
    }
}
