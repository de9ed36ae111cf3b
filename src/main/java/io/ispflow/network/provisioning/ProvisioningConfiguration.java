package io.ispflow.network.provisioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ispflow.network.NetworkProvisioner;

/** The provisioner {@code isp.network.provisioning.mode} chooses: SNMP (default) or logging only. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    @Bean
    NetworkProvisioner networkProvisioner(ProvisioningProperties properties, NetworkEvents events, SwitchablePorts ports,
            PortSwitchProcess process) {
        var logging = new LoggingNetworkProvisioner(events);
        return switch (properties.mode()) {
            case LOGGING -> logging;
            case SNMP -> new SnmpNetworkProvisioner(logging, ports, events, process);
        };
    }
}
