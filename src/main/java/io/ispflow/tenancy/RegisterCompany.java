package io.ispflow.tenancy;

/** Register a new ISP company on the platform. */
public record RegisterCompany(String name, String slug, LicenseType licenseType, int clientLimit) {
}
