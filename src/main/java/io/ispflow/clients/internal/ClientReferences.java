package io.ispflow.clients.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientRecords;

/** Whether any module holds records of a client that must be kept. */
@Component
public class ClientReferences {

    private final List<ClientRecords> records;

    ClientReferences(List<ClientRecords> records) {
        this.records = records;
    }

    public boolean exist(UUID clientId) {
        return records.stream().anyMatch(module -> module.holdsRecordsOf(clientId));
    }
}
