package io.ispflow.tenancy;

/** A new password that breaks a rule of {@link StaffAccounts}; the message names the rule. */
public class PasswordRefused extends RuntimeException {

    public PasswordRefused(String rule) {
        super(rule);
    }
}
