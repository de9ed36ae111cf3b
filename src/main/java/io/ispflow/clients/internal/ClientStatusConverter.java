package io.ispflow.clients.internal;

import jakarta.persistence.Converter;

import io.ispflow.clients.ClientStatus;
import io.ispflow.platform.database.LowerCaseEnumConverter;

@Converter(autoApply = true)
class ClientStatusConverter extends LowerCaseEnumConverter<ClientStatus> {

    ClientStatusConverter() {
        super(ClientStatus.class);
    }
}
