package io.ispflow.network.provisioning;

import static io.ispflow.network.provisioning.PortSwitchVariables.*;

import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.ispflow.network.NetworkProvisioner.ServedClient;
import io.ispflow.platform.TenantContext;

/**
 * Starts one {@code clientPortSwitch} per port to switch, in the caller's transaction: nothing is
 * started if that rolls back, and the switch itself runs later on the job executor. A newer request for
 * the same port supersedes one still under way (a client suspended and restored before the first switch
 * ran gets only the last state).
 */
@Component
class PortSwitchProcess {

    private final RuntimeService runtime;

    PortSwitchProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(ServedClient client, AccessPort port, PortState wanted, String reason) {
        // a system process: started on the application's behalf, whoever's request led here
        withoutAuthorization(() -> {
            supersede(client, port);
            runtime.createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey(client.accountNumber())
                    .setVariables(Variables.createVariables()
                            .putValue(CLIENT_ID, client.id().toString())
                            .putValue(ACCOUNT_NUMBER, client.accountNumber())
                            .putValue(CLIENT_NAME, client.name())
                            .putValue(EQUIPMENT_ID, port.equipmentId().toString())
                            .putValue(DEVICE_NAME, port.deviceName())
                            .putValue(DEVICE_ADDRESS, port.deviceAddress())
                            .putValue(IF_INDEX, port.ifIndex())
                            .putValue(PORT_NAME, port.portName())
                            .putValue(WANTED_STATE, wanted.id())
                            .putValue(WANTED_STATE_TEXT, wanted.text())
                            .putValue(REASON, reason))
                    .execute();
            return null;
        });
    }

    private void supersede(ServedClient client, AccessPort port) {
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .tenantIdIn(TenantContext.requireCompanyId().toString())
                .processInstanceBusinessKey(client.accountNumber())
                .variableValueEquals(EQUIPMENT_ID, port.equipmentId().toString())
                .variableValueEquals(IF_INDEX, port.ifIndex())
                .list()
                .forEach(older -> runtime.deleteProcessInstance(older.getId(),
                        "Superseded by a newer switch of the same port"));
    }

    private static <T> T withoutAuthorization(Supplier<T> work) {
        var command = Context.getCommandContext();
        return command == null ? work.get() : command.runWithoutAuthorization(work::get);
    }
}
