package io.ispflow.demo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.server.ResponseStatusException;

/** The demo's Africa's Talking simulator answers this machine only, and a send without a known key is refused. */
class AfricasTalkingSandboxSimulatorTests {

    final AfricasTalkingSandboxSimulator simulator = new AfricasTalkingSandboxSimulator(
            new MockEnvironment().withProperty("local.server.port", "8080"), null, null, null);

    @Test
    void answersCallersOnThisMachineOnly() {
        simulator.fromThisMachineOnly(DarajaSandboxSimulatorTests.from("127.0.0.1"));
        for (String address : new String[] {"10.0.0.5", "203.0.113.9", "not-an-address"}) {
            assertThatThrownBy(() -> simulator.fromThisMachineOnly(DarajaSandboxSimulatorTests.from(address)))
                    .as(address).isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        }
    }

    @Test
    void aSendWithoutAnApiKeyIsRefusedAsTheSandboxDoes() {
        var answer = simulator.send(null, "sandbox", "+254711082282", "Hello");
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody()).isEqualTo("The supplied authentication is invalid");
    }
}
