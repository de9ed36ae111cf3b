package io.ispflow.clients.internal;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.network.InstallationBooked;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.Nairobi;

/**
 * Tells the client when the technician comes, by SMS (and e-mail when he has an address), each time
 * a visit is booked. After the booking committed; the event publication registry keeps it until sent.
 */
@Component
class InstallationVisits {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final ClientDirectory clients;
    private final ClientMessages messages;
    private final TenantScope tenantScope;

    InstallationVisits(ClientDirectory clients, ClientMessages messages, TenantScope tenantScope) {
        this.clients = clients;
        this.messages = messages;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(InstallationBooked booked) {
        tenantScope.runAs(booked.companyId(), () -> clients.find(booked.clientId()).ifPresent(client -> {
            var visit = booked.visitAt().atZone(Nairobi.ZONE);
            var values = Map.of("name", client.name(), "visitDate", visit.toLocalDate(), "visitTime", HOURS.format(visit));
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(), MessagePurpose.INSTALLATION_BOOKED,
                    values);
            if (client.email() != null && !client.email().isBlank()) {
                messages.email(client.id(), client.email(), client.language(), MessagePurpose.INSTALLATION_BOOKED, values);
            }
        }));
    }
}
