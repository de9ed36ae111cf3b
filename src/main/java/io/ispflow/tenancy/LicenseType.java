package io.ispflow.tenancy;

/** The licence tier a company pays for; the {@code licenseLimits} decision says what each allows. */
public enum LicenseType {
    STARTER, PROFESSIONAL, ENTERPRISE
}
