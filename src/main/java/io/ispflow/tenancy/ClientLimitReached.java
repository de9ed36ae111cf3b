package io.ispflow.tenancy;

/** The company already has as many clients as its licence allows. */
public class ClientLimitReached extends RuntimeException {

    private final int limit;

    public ClientLimitReached(LicenseType licenseType, int limit) {
        super("Client limit reached: the " + licenseType.name().toLowerCase(java.util.Locale.ROOT) + " licence of this company allows " + limit
                + " clients. Upgrade the licence or disconnect clients first.");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
