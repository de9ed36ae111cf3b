package io.ispflow.tenancy.internal;

import jakarta.persistence.Converter;

import io.ispflow.platform.database.LowerCaseEnumConverter;
import io.ispflow.tenancy.LicenseType;

@Converter(autoApply = true)
class LicenseTypeConverter extends LowerCaseEnumConverter<LicenseType> {

    LicenseTypeConverter() {
        super(LicenseType.class);
    }
}
