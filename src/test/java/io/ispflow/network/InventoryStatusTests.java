package io.ispflow.network;

import static io.ispflow.network.InventoryStatus.ASSIGNED;
import static io.ispflow.network.InventoryStatus.FAULTY;
import static io.ispflow.network.InventoryStatus.IN_STOCK;
import static io.ispflow.network.InventoryStatus.RETIRED;
import static io.ispflow.network.InventoryStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InventoryStatusTests {

    @Test
    void anItemInStockGoesToAClientOrIsFoundFaultyOrRetired() {
        assertThat(IN_STOCK.next()).containsExactlyInAnyOrder(ASSIGNED, FAULTY, RETIRED);
    }

    @Test
    void aClientsItemComesBackOrBreaksBeforeAnythingElse() {
        assertThat(ASSIGNED.next()).containsExactlyInAnyOrder(RETURNED, FAULTY);
        assertThat(ASSIGNED.mayBecome(IN_STOCK)).as("back into stock only once returned").isFalse();
        assertThat(ASSIGNED.mayBecome(ASSIGNED)).as("to another client only through stock").isFalse();
    }

    @Test
    void returnedAndFaultyItemsAreCheckedBackIntoStockOrRetired() {
        assertThat(RETURNED.next()).containsExactlyInAnyOrder(IN_STOCK, FAULTY, RETIRED);
        assertThat(FAULTY.next()).containsExactlyInAnyOrder(IN_STOCK, RETIRED);
    }

    @Test
    void retiredIsFinal() {
        for (InventoryStatus status : InventoryStatus.values()) {
            assertThat(RETIRED.mayBecome(status)).as("retired to " + status).isFalse();
        }
    }
}
