package io.ispflow.network.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientType;
import io.ispflow.demo.snmp.IfMibAgent;
import io.ispflow.network.NetworkProvisioner;
import io.ispflow.network.NetworkProvisioner.ServedClient;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestDevices;

/**
 * With {@code isp.network.provisioning.mode=logging} no equipment is touched, even a client's recorded port:
 * the provisioner that mode configures, run in the shared context next to the SNMP one.
 */
@IntegrationTest
class LoggingProvisioningIntegrationTests {

    static IfMibAgent agent;

    @Autowired
    NetworkEvents events;
    @Autowired
    SwitchablePorts ports;
    @Autowired
    PortSwitchProcess process;
    @Autowired
    SubscriptionFixture subscriptions;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TestDevices devices;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;

    @BeforeAll
    static void anAccessSwitch() {
        agent = IfMibAgent.start(4);
    }

    @AfterAll
    static void switchOff() {
        agent.close();
    }

    @Test
    void suspendingAndRestoringAClientWithAPortOnlyRecordsTheRequests() {
        TestCompany acme = testCompanies.create();
        UUID device = tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> devices.add(acme.id(),
                "Logged switch", agent.port(), new SnmpCredentials.V2c(agent.readCommunity(), agent.writeCommunity()),
                true, 60)));
        ClientDetails client = subscriptions.activeClient(acme, "Logged Client", ClientType.INDIVIDUAL);
        inCompany(acme, () -> jdbc.update("""
                insert into client_equipment (client_id, equipment_id, network_config, isp_company_id)
                values (?, ?, '{"ifIndex": 2, "ifName": "ge-0/0/2"}'::jsonb, ?)""", client.id(), device, acme.id()));
        agent.setAdminStatus(2, IfMibAgent.UP);
        long requests = agent.requestsServed();

        NetworkProvisioner logging = new ProvisioningConfiguration().networkProvisioner(
                new ProvisioningProperties(ProvisioningProperties.Mode.LOGGING, 3, Duration.ofMinutes(1),
                        Duration.ofHours(4)), events, ports, process);
        ServedClient served = new ServedClient(client.id(), client.accountNumber(), "Logged Client");
        inCompany(acme, () -> logging.suspend(served, "Unpaid renewal"));
        inCompany(acme, () -> logging.reactivate(served, "Paid"));

        assertThat(agent.requestsServed()).as("no SNMP request at all").isEqualTo(requests);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PortSwitchVariables.PROCESS_KEY)
                .processInstanceBusinessKey(client.accountNumber()).tenantIdIn(acme.id().toString()).count())
                .isZero();
        List<String> provisioners = tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForList("""
                select event_type || ' ' || (event_data ->> 'provisioner') from network_events
                where client_id = ? order by created_at""", String.class, client.id())));
        assertThat(provisioners).containsExactly("service_suspended logging", "service_reactivated logging");
    }

    void inCompany(TestCompany company, Runnable work) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> work.run()));
    }
}
