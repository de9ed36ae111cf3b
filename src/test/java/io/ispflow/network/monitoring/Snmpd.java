package io.ispflow.network.monitoring;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code snmpd} on a free loopback UDP port, with a configuration of its own in a temporary
 * folder: a read-only v2c community and a read-only SNMPv3 user (SHA/AES, authPriv). Stopped on close.
 */
final class Snmpd implements AutoCloseable {

    static final String COMMUNITY = "ispflow-read";
    static final String USER = "ispflow-poller";
    static final String AUTH_KEY = "auth-secret-4711";
    static final String PRIV_KEY = "priv-secret-4711";

    final int port;
    final Path folder;
    private final Process process;

    private Snmpd(int port, Path folder, Process process) {
        this.port = port;
        this.folder = folder;
        this.process = process;
    }

    static Snmpd start() throws IOException {
        int port;
        try (DatagramSocket socket = new DatagramSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = Files.createTempDirectory("snmpd");
        Path config = Files.writeString(folder.resolve("snmpd.conf"), """
                rocommunity %s 127.0.0.1
                createUser %s SHA "%s" AES "%s"
                rouser %s priv
                """.formatted(COMMUNITY, USER, AUTH_KEY, PRIV_KEY, USER));
        ProcessBuilder builder = new ProcessBuilder("/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", config.toString(),
                "udp:127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(folder.resolve("snmpd.log").toFile());
        builder.environment().put("SNMP_PERSISTENT_DIR", folder.toString());
        builder.environment().put("MIBS", "");
        return new Snmpd(port, folder, builder.start());
    }

    boolean running() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
