package io.ispflow.network.snmp;

import java.util.Objects;

/**
 * How the application authenticates to a device: an SNMPv2c community (read, and optionally a separate
 * one for writing), or an SNMPv3 USM user with authentication and privacy (authPriv). The secrets are
 * never printed: {@code toString()} names the version and the user only.
 */
public sealed interface SnmpCredentials {

    /** The community (or user) used for a SET. */
    boolean canWrite();

    /** SNMPv2c: a read community, and the community for writing (the read one when null). */
    record V2c(String community, String writeCommunity) implements SnmpCredentials {

        public V2c {
            Objects.requireNonNull(community, "community");
        }

        public String communityFor(boolean write) {
            return write && writeCommunity != null ? writeCommunity : community;
        }

        @Override
        public boolean canWrite() {
            return true;
        }

        @Override
        public String toString() {
            return "SNMPv2c community (hidden)";
        }
    }

    /** SNMPv3 USM, authPriv. */
    record V3(String user, AuthProtocol authProtocol, String authKey, PrivProtocol privProtocol, String privKey)
            implements SnmpCredentials {

        public V3 {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(authProtocol, "authProtocol");
            Objects.requireNonNull(authKey, "authKey");
            Objects.requireNonNull(privProtocol, "privProtocol");
            Objects.requireNonNull(privKey, "privKey");
        }

        @Override
        public boolean canWrite() {
            return true;
        }

        @Override
        public String toString() {
            return "SNMPv3 user " + user + " (" + authProtocol + "/" + privProtocol + ", keys hidden)";
        }
    }

    /** SNMPv3 authentication protocols accepted: HMAC-SHA-1 and HMAC-SHA-256. */
    enum AuthProtocol {
        SHA, SHA256
    }

    /** SNMPv3 privacy protocols accepted: AES with 128- or 256-bit keys. */
    enum PrivProtocol {
        AES128, AES256
    }
}
