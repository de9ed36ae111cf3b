package io.ispflow.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Client equipment as inventory items: offered, reserved once, deployed, returned, and on record. */
@IntegrationTest
class EquipmentStockIntegrationTests {

    @Autowired
    EquipmentStock stock;
    @Autowired
    Inventory inventory;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;

    TestCompany acme;
    TestCompany rival;

    @BeforeEach
    void twoCompanies() {
        acme = testCompanies.create();
        rival = testCompanies.create();
    }

    String assets() {
        return acme.user(StaffRole.INFRASTRUCTURE_ASSET);
    }

    InventoryItem item(UUID id) {
        return tenantScope.callAs(acme.id(), () -> inventory.find(id)).orElseThrow();
    }

    @Test
    void aReceivedDeviceIsAnItemInStockCategorisedByItsCatalogueType() {
        UUID onu = onboarding.receiveOnu(acme, "ONU-RX-1");
        UUID cpe = tenantScope.callAs(acme.id(), () -> stock.receive(new NewEquipment("Ubiquiti", "LBE-5AC-Gen2",
                "CPE-RX-1", "24-5a-4c-00-00-01", "Main store")));

        assertThat(item(onu)).extracting(InventoryItem::itemId, InventoryItem::category, InventoryItem::status,
                InventoryItem::manufacturer, InventoryItem::model)
                .containsExactly("ONU-000001", InventoryCategory.ONU, InventoryStatus.IN_STOCK, "Huawei", "EG8145V5");
        assertThat(item(cpe).macAddress()).isEqualTo("24:5A:4C:00:00:01");
        assertThat(tenantScope.callAs(acme.id(), () -> stock.availableFor("wireless")))
                .extracting(EquipmentChoice::label).containsExactly("CPE-000001 · Ubiquiti LiteBeam 5AC Gen2 CPE · SN CPE-RX-1");
        assertThat(tenantScope.callAs(acme.id(), () -> stock.availableFor("fiber"))).extracting(EquipmentChoice::id)
                .containsExactly(onu);
        assertThatThrownBy(() -> tenantScope.callAs(acme.id(),
                () -> stock.receive(new NewEquipment("Acme", "Nothing", "X-1", null, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofTwoConcurrentAssignmentsOfOneItemExactlyOneWins() throws Exception {
        UUID onu = onboarding.receiveOnu(acme, "ONU-RACE-1");
        ClientDetails first = onboarding.register(acme, "First Racer");
        ClientDetails second = onboarding.register(acme, "Second Racer");
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (ClientDetails client : List.of(first, second)) {
                Callable<Boolean> attempt = () -> {
                    barrier.await();
                    try {
                        tenantScope.runAs(acme.id(), () -> stock.assign(onu, client.id(), assets()));
                        return true;
                    } catch (EquipmentUnavailable taken) {
                        return false;
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        assertThat(item(onu).status()).isEqualTo(InventoryStatus.ASSIGNED);
        assertThat(item(onu).assignedClientId()).isIn(first.id(), second.id());
    }

    @Test
    void anItemOfAnotherCompanyOrNotInStockCannotBeAssigned() {
        UUID rivals = onboarding.receiveOnu(rival, "ONU-RIVAL-1");
        UUID faulty = onboarding.receiveOnu(acme, "ONU-FAULTY-1");
        tenantScope.runAs(acme.id(), () -> inventory.changeStatus(faulty, InventoryStatus.FAULTY, null));
        ClientDetails client = onboarding.register(acme, "Careful Client");

        for (UUID item : List.of(rivals, faulty)) {
            assertThatThrownBy(() -> tenantScope.runAs(acme.id(), () -> stock.assign(item, client.id(), assets())))
                    .isInstanceOf(EquipmentUnavailable.class);
        }
        assertThat(tenantScope.callAs(rival.id(), () -> inventory.find(rivals)).orElseThrow().status())
                .isEqualTo(InventoryStatus.IN_STOCK);
    }

    @Test
    void deployedAtTheClientThenRecoveredTheItemIsReturnedForCheckingAndTheClientStaysOnRecord() {
        UUID onu = onboarding.receiveOnu(acme, "ONU-LIFE-1");
        ClientDetails client = onboarding.register(acme, "Leaving Client");
        assertThat(tenantScope.callAs(acme.id(), () -> stock.holdsRecordsOf(client.id()))).isFalse();

        onboarding.deployedAt(acme, onu, client);
        assertThat(item(onu).location()).isEqualTo(EquipmentStock.AT_CLIENT_PREMISES);
        assertThat(tenantScope.callAs(acme.id(), () -> stock.heldBy(client.id())))
                .extracting(EquipmentChoice::id).containsExactly(onu);

        assertThat(tenantScope.callAs(acme.id(), () -> stock.recover(client.id()))).isEqualTo(1);
        assertThat(tenantScope.callAs(acme.id(), () -> stock.recover(client.id()))).isZero();

        assertThat(item(onu)).extracting(InventoryItem::status, InventoryItem::assignedClientId, InventoryItem::location)
                .containsExactly(InventoryStatus.RETURNED, null, null);
        assertThat(tenantScope.callAs(acme.id(), () -> stock.heldBy(client.id()))).isEmpty();
        assertThat(tenantScope.callAs(acme.id(), () -> stock.availableFor("fiber"))).isEmpty();
        assertThat(tenantScope.callAs(acme.id(), () -> stock.holdsRecordsOf(client.id()))).isTrue();
        assertThat(tenantScope.callAs(rival.id(), () -> stock.holdsRecordsOf(client.id()))).isFalse();
        assertThat(tenantScope.callAs(acme.id(), () -> inventory.history(onu))).extracting(InventoryChange::action)
                .containsExactly("created", "status_changed", "updated", "status_changed");
    }
}
