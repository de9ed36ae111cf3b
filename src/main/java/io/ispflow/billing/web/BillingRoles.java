package io.ispflow.billing.web;

/** Who may do what with money, as Spring Security expressions. */
final class BillingRoles {

    static final String READERS = "hasAnyRole('super_admin','isp_admin','billing_finance','customer_support')";
    static final String INVOICERS = "hasAnyRole('super_admin','isp_admin','billing_finance')";
    static final String WALLET_CREDITORS = "hasAnyRole('super_admin','billing_finance')";

    private BillingRoles() {
    }
}
