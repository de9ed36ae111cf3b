package io.ispflow.network.process;

/** Names of the variables of {@code installation}, as the BPMN and its forms use them. */
public final class InstallationVariables {

    public static final String PROCESS_KEY = "installation";

    // handed in by the calling process
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_NAME = "name";
    public static final String EQUIPMENT_SERIAL = "equipmentSerial";

    // scheduling
    public static final String TECHNICIAN_OPTIONS = "technicianOptions";
    public static final String TECHNICIAN = "technician";
    public static final String VISIT_DATE = "visitDate";
    /** When the booked visit starts (a date), as the on-site task's due date. */
    public static final String VISIT_AT = "visitAt";
    public static final String ATTEMPT = "installationAttempt";
    public static final String INSTALLATION_ID = "installationId";
    public static final String TECHNICIAN_USER_ID = "technicianUserId";

    // the on-site report
    public static final String OUTCOME = "installationOutcome";
    public static final String MAC_ADDRESS = "macAddress";
    public static final String IP_ADDRESS = "ipAddress";
    public static final String SIGNAL_DBM = "signalDbm";
    public static final String FAILURE_REASON = "failureReason";
    public static final String NOTES = "installationNotes";

    // NOC verification and escalation
    public static final String LINK_STATUS = "linkStatus";
    public static final String ADMIN_DECISION = "failureDecision";

    public static final String COMPLETED_BY = "completedBy";

    private InstallationVariables() {
    }
}
