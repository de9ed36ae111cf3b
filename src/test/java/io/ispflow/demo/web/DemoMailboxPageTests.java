package io.ispflow.demo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** The demo's mailbox page answers this machine only. */
class DemoMailboxPageTests {

    final DemoMailboxPage page = new DemoMailboxPage(null);

    @Test
    void answersCallersOnThisMachineOnly() {
        page.fromThisMachineOnly(DarajaSandboxSimulatorTests.from("127.0.0.1"));
        for (String address : new String[] {"10.0.0.5", "203.0.113.9", "not-an-address"}) {
            assertThatThrownBy(() -> page.fromThisMachineOnly(DarajaSandboxSimulatorTests.from(address)))
                    .as(address).isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        }
    }
}
