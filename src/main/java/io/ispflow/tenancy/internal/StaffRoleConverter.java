package io.ispflow.tenancy.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.ispflow.shared.StaffRole;

@Converter(autoApply = true)
class StaffRoleConverter implements AttributeConverter<StaffRole, String> {

    @Override
    public String convertToDatabaseColumn(StaffRole role) {
        return role == null ? null : role.id();
    }

    @Override
    public StaffRole convertToEntityAttribute(String id) {
        return id == null ? null : StaffRole.fromId(id).orElseThrow();
    }
}
