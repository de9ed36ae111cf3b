package io.ispflow.billing;

import java.math.BigDecimal;
import java.util.UUID;

/** An internet service offering of a company, e.g. "Home Fibre 20 Mbps" at KES 2,999 a month. */
public record ServicePackage(UUID id, String name, String description, String connectionType,
        int downloadMbps, int uploadMbps, BigDecimal monthlyRate, boolean active) {
}
