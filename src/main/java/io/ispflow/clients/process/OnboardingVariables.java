package io.ispflow.clients.process;

import io.ispflow.tenancy.LicensePolicy;

/** Names of the variables of {@code clientOnboarding}, as the BPMN and its forms use them. */
public final class OnboardingVariables {

    public static final String PROCESS_KEY = "clientOnboarding";

    // the registration, from the start form or the API
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String ADDRESS = "address";
    public static final String COUNTY = "county";
    public static final String SUB_COUNTY = "subCounty";
    public static final String CLIENT_TYPE = "clientType";
    public static final String CONNECTION_TYPE = "connectionType";
    public static final String MONTHLY_RATE = "monthlyRate";
    public static final String SERVICE_PACKAGE_ID = "servicePackageId";
    public static final String LANGUAGE = "language";
    public static final String REGISTERED_BY = "registeredBy";

    // licence check
    public static final String LICENSE_TYPE = LicensePolicy.LICENSE_TYPE;
    public static final String CLIENT_COUNT = "clientCount";
    public static final String COMPANY_CLIENT_LIMIT = LicensePolicy.COMPANY_CLIENT_LIMIT;
    /** The {@code licenseLimits} decision's answer: {@code clientLimit} (the effective one) and {@code features}. */
    public static final String LICENSE_TERMS = "licenseTerms";
    public static final String CLIENT_LIMIT = "clientLimit";
    public static final String REFUSAL_REASON = "refusalReason";

    // the client once registered
    public static final String CLIENT_ID = "clientId";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String PACKAGE_NAME = "packageName";

    // NOC approval
    public static final String NOC_DECISION = "nocDecision";
    public static final String NOC_NOTES = "nocNotes";
    public static final String REJECTION_REASON = "rejectionReason";

    // equipment
    public static final String EQUIPMENT_OPTIONS = "equipmentOptions";
    public static final String EQUIPMENT_ID = "equipmentId";
    public static final String EQUIPMENT_SERIAL = "equipmentSerial";
    public static final String EQUIPMENT_LABEL = "equipmentLabel";
    public static final String EQUIPMENT_PROBLEM = "equipmentProblem";

    // billing
    /** Set by instances started before invoices were numbered at commit; {@link #INVOICE_ID} since. */
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String INVOICE_ID = "invoiceId";
    public static final String INVOICE_TOTAL = "invoiceTotal";

    /** Who completed the user task just before (set by {@code completedByListener}). */
    public static final String COMPLETED_BY = "completedBy";

    private OnboardingVariables() {
    }
}
