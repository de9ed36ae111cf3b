package io.ispflow.tenancy;

/** The invitation existed but can be used no more: used already, expired, or the login was taken away. */
public class InvitationGone extends RuntimeException {

    /** Why; also the problem type's slug. */
    public enum Reason {
        USED("invitation-used", "This invitation link was used already. Log in with the password you set."),
        EXPIRED("invitation-expired", "This invitation link has expired. Ask your administrator for a new one."),
        WITHDRAWN("invitation-withdrawn", "This login was deactivated; the invitation no longer applies.");

        private final String type;
        private final String explanation;

        Reason(String type, String explanation) {
            this.type = type;
            this.explanation = explanation;
        }

        public String type() {
            return type;
        }
    }

    private final Reason reason;

    public InvitationGone(Reason reason) {
        super(reason.explanation);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
