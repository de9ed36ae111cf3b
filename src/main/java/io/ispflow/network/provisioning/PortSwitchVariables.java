package io.ispflow.network.provisioning;

/** Names of the variables of {@code clientPortSwitch}, as the BPMN and its form use them. */
public final class PortSwitchVariables {

    public static final String PROCESS_KEY = "clientPortSwitch";

    // given at the start (the business key is the client's account number)
    public static final String CLIENT_ID = "clientId";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String CLIENT_NAME = "name";
    public static final String EQUIPMENT_ID = "equipmentId";
    public static final String DEVICE_NAME = "deviceName";
    public static final String DEVICE_ADDRESS = "deviceAddress";
    public static final String IF_INDEX = "ifIndex";
    public static final String PORT_NAME = "portName";
    /** {@code up} or {@code down}. */
    public static final String WANTED_STATE = "wantedState";
    /** The wanted state in words, for the form: "down (service suspended)". */
    public static final String WANTED_STATE_TEXT = "wantedStateText";
    public static final String REASON = "reason";

    /** Why the automatic switch failed (the BPMN error's message). */
    public static final String FAILURE = "switchFailure";
    /** Staff's choice in the manual task: {@code manual} or {@code retry}. */
    public static final String DECISION = "switchDecision";
    public static final String NOTE = "switchNote";
    public static final String COMPLETED_BY = "completedBy";

    /** The BPMN error that hands the switch to staff. */
    public static final String SWITCH_FAILED = "PORT_SWITCH_FAILED";
    /** The Cockpit incident type while the switch waits for staff. */
    public static final String INCIDENT_TYPE = "portSwitchFailed";

    private PortSwitchVariables() {
    }
}
