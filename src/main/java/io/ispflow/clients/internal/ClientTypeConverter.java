package io.ispflow.clients.internal;

import jakarta.persistence.Converter;

import io.ispflow.clients.ClientType;
import io.ispflow.platform.database.LowerCaseEnumConverter;

@Converter(autoApply = true)
class ClientTypeConverter extends LowerCaseEnumConverter<ClientType> {

    ClientTypeConverter() {
        super(ClientType.class);
    }
}
