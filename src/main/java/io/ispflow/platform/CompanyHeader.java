package io.ispflow.platform;

/** The request header in which a super administrator names the ISP company he acts for. */
public final class CompanyHeader {

    public static final String NAME = "X-Company-Id";

    private CompanyHeader() {
    }
}
