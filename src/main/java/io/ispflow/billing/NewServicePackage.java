package io.ispflow.billing;

import java.math.BigDecimal;

/** Add a package to the company's catalogue. {@code connectionType} may be null (any connection). */
public record NewServicePackage(String name, String description, String connectionType, int downloadMbps,
        int uploadMbps, BigDecimal monthlyRate) {
}
