package io.ispflow.clients.internal;

import jakarta.persistence.Converter;

import io.ispflow.clients.ConnectionType;
import io.ispflow.platform.database.LowerCaseEnumConverter;

@Converter(autoApply = true)
class ConnectionTypeConverter extends LowerCaseEnumConverter<ConnectionType> {

    ConnectionTypeConverter() {
        super(ConnectionType.class);
    }
}
