package io.ispflow.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientSearch;
import io.ispflow.demo.snmp.IfMibAgent;
import io.ispflow.network.devices.AccessPorts;
import io.ispflow.network.devices.ClientPortNotFound;
import io.ispflow.network.devices.Device;
import io.ispflow.network.devices.DeviceSettings;
import io.ispflow.network.devices.DeviceSettings.SnmpAccessChange;
import io.ispflow.network.devices.DeviceType;
import io.ispflow.network.devices.Devices;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;
import io.ispflow.tenancy.Companies;

/**
 * The demo's network: each demo device is a simulated access switch ({@link IfMibAgent}) on a free
 * loopback port, started with the run and stopped with it; the device's record points at that port,
 * and its interfaces carry some traffic. Wanjiku Kamau is on port 3 of Acme's Kilimani switch.
 */
@Component
@Profile("default")
@Order(20)
class DemoNetwork implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

    private record DemoDevice(String company, String name, DeviceType type, boolean v3, String location) {
    }

    private static final List<DemoDevice> DEVICES = List.of(
            new DemoDevice("acme", "kilimani-access-sw", DeviceType.SWITCH, false, "Kilimani POP"),
            new DemoDevice("acme", "westlands-olt", DeviceType.OLT, true, "Westlands POP"),
            new DemoDevice("savanna", "nakuru-access-sw", DeviceType.SWITCH, false, "Nakuru POP"));

    private final Companies companies;
    private final TenantScope tenantScope;
    private final Devices devices;
    private final AccessPorts ports;
    private final ClientDirectory clients;
    private final List<IfMibAgent> agents = new ArrayList<>();
    private final ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-network-traffic");
        thread.setDaemon(true);
        return thread;
    });

    DemoNetwork(Companies companies, TenantScope tenantScope, Devices devices, AccessPorts ports,
            ClientDirectory clients) {
        this.companies = companies;
        this.tenantScope = tenantScope;
        this.devices = devices;
        this.ports = ports;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoDevice demo : DEVICES) {
            companies.findBySlug(demo.company()).ifPresent(company -> {
                IfMibAgent agent = IfMibAgent.builder().interfaces(24).sysName(demo.name())
                        .communities(demo.company() + "-read", demo.company() + "-write").start();
                agents.add(agent);
                Device device = tenantScope.callAs(company.id(), () -> pointAt(demo, agent));
                if ("kilimani-access-sw".equals(device.name())) {
                    tenantScope.runAs(company.id(), () -> putOnPort("Wanjiku Kamau", device, 3));
                }
            });
        }
        // a few Mbit/s on every port, so that polls see rates
        traffic.scheduleAtFixedRate(() -> agents.forEach(agent -> agent.advanceAll(
                ThreadLocalRandom.current().nextLong(1_000_000, 40_000_000),
                ThreadLocalRandom.current().nextLong(200_000, 8_000_000), 2_000, 800)), 10, 10, TimeUnit.SECONDS);
        log.info("Demo: {} simulated network devices on loopback", agents.size());
    }

    /** The demo device's record, added or moved to the agent's port (the access as it is otherwise). */
    private Device pointAt(DemoDevice demo, IfMibAgent agent) {
        var existing = devices.search(null, null, demo.name(), true, Pageable.ofSize(1)).stream()
                .filter(d -> d.name().equals(demo.name())).findFirst();
        if (existing.isPresent()) {
            Device d = existing.get();
            if (d.retired()) {
                return d;
            }
            return devices.update(d.id(), new DeviceSettings(d.name(), d.deviceType(), d.brand(), d.model(),
                    "127.0.0.1", agent.port(), d.serialNumber(), d.location(), null, d.snmpWriteAccess(),
                    d.pollingEnabled(), d.pollIntervalSeconds()));
        }
        var access = demo.v3()
                ? new SnmpAccessChange("v3", null, null, agent.user(), SnmpCredentials.AuthProtocol.SHA,
                        agent.authPassphrase(), SnmpCredentials.PrivProtocol.AES128, agent.privPassphrase())
                : new SnmpAccessChange("v2c", agent.readCommunity(), agent.writeCommunity(), null, null, null, null,
                        null);
        return devices.add(new DeviceSettings(demo.name(), demo.type(), "Simulated", "IF-MIB agent", "127.0.0.1",
                agent.port(), null, demo.location(), access, true, true, 60));
    }

    private void putOnPort(String clientName, Device device, int ifIndex) {
        clients.search(new ClientSearch(null, clientName), Pageable.ofSize(1)).stream().findFirst().ifPresent(client -> {
            try {
                ports.of(client.id());
            } catch (ClientPortNotFound noPortYet) {
                ports.assign(client.id(), device.id(), ifIndex, IfMibAgent.interfaceName(ifIndex));
            }
        });
    }

    @Override
    public void destroy() {
        traffic.shutdownNow();
        agents.forEach(IfMibAgent::close);
    }
}
