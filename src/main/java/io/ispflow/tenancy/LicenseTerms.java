package io.ispflow.tenancy;

import java.util.Set;

/**
 * What a company's licence allows right now, from the {@code licenseLimits} decision and the
 * company's own contracted cap.
 *
 * @param clientLimit the number of clients the company may have
 * @param features    the product features the tier may use
 */
public record LicenseTerms(int clientLimit, Set<String> features) {
}
