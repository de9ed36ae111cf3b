/**
 * ISP companies (the tenants), their licence tiers and limits (the {@code licenseLimits} DMN table),
 * and staff identity: Camunda users with a role group and a tenant membership, plus a profile row.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tenancy",
        allowedDependencies = {"platform", "shared"})
@io.ispflow.shared.OwnsTables({"isp_companies", "profiles", "staff_invitations"})
package io.ispflow.tenancy;
