package io.ispflow.clients.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ispflow.billing.BillingRecords;
import io.ispflow.clients.ClientRecords;
import io.ispflow.network.EquipmentStock;

/**
 * Billing and network keep records of clients too, but sit below this module (clients depends on them,
 * never the other way round): their answers are taken through their APIs here. Modules above clients
 * (payments, support) provide their {@link ClientRecords} beans themselves.
 */
@Configuration(proxyBeanMethods = false)
class RecordsBelowClients {

    @Bean
    ClientRecords billingRecordsOfClients(BillingRecords billing) {
        return billing::holdsRecordsOf;
    }

    @Bean
    ClientRecords equipmentRecordsOfClients(EquipmentStock equipment) {
        return equipment::holdsRecordsOf;
    }
}
