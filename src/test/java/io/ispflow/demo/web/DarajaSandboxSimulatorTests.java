package io.ispflow.demo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** The demo's Daraja simulator can be used from this machine only, and calls nothing but this instance. */
class DarajaSandboxSimulatorTests {

    final DarajaSandboxSimulator simulator = new DarajaSandboxSimulator(
            new MockEnvironment().withProperty("local.server.port", "8080"));

    static MockHttpServletRequest from(String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void answersCallersOnThisMachine() {
        simulator.fromThisMachineOnly(from("127.0.0.1"));
        simulator.fromThisMachineOnly(from("::1"));
    }

    @Test
    void refusesCallersElsewhere() {
        for (String address : new String[] {"10.0.0.5", "192.168.1.20", "203.0.113.9", "not-an-address"}) {
            assertThatThrownBy(() -> simulator.fromThisMachineOnly(from(address))).as(address)
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        }
    }

    @Test
    void postsOnlyToThisInstancesCallbackPathsWhateverHostIsNamed() {
        assertThat(simulator.ownCallback("http://169.254.169.254/api/payments/mpesa/callback/abc_DEF-1"))
                .hasToString("http://127.0.0.1:8080/api/payments/mpesa/callback/abc_DEF-1");
        assertThat(simulator.ownCallback("https://example.org/api/payments/paybill/tok/confirmation"))
                .hasToString("http://127.0.0.1:8080/api/payments/paybill/tok/confirmation");
        for (String elsewhere : new String[] {"http://169.254.169.254/latest/meta-data/",
                "http://localhost:8080/api/wallet/credit", "http://localhost:8080/api/payments/mpesa/callback/a/../../x",
                "file:///etc/passwd", "::not a url"}) {
            assertThatThrownBy(() -> simulator.ownCallback(elsewhere)).as(elsewhere)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
