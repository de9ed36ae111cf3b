package io.ispflow.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Management addresses are IP addresses written out; nothing is looked up. */
class IpLiteralTests {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.88.1", "::1", "2001:db8::1",
            "fe80::1:2:3:4", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:10.0.0.9", "::"})
    void addressesAreTaken(String address) {
        assertThat(IpLiteral.Check.isIpLiteral(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "10.0.0", "10.0.0.1.5", "010.0.0.1", "1e1.0.0.1", "10.0.0.1/24",
            "router.acme.example", "localhost", "example.com", "2001:db8::zz", ":::", "1:2:3:4:5:6:7:8:9",
            "2001:db8::1%eth0", "[::1]", ".::1", " 10.0.0.1", "10.0.0.1 ", "", "0x0a000001", "167772161"})
    void anythingElseIsRefused(String text) {
        assertThat(IpLiteral.Check.isIpLiteral(text)).isFalse();
    }
}
