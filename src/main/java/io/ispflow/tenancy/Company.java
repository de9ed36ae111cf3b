package io.ispflow.tenancy;

import java.util.UUID;

/** An ISP company: one tenant of the installation, also a Camunda tenant with the same id. */
public record Company(UUID id, String name, String slug, LicenseType licenseType, int clientLimit, boolean active) {
}
