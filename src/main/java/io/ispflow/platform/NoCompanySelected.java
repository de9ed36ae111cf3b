package io.ispflow.platform;

/** A super administrator called a company-scoped endpoint without naming the company. */
public class NoCompanySelected extends RuntimeException {

    public NoCompanySelected() {
        super("Super administrators act for one ISP company at a time: name it in the "
                + CompanyHeader.NAME + " header.");
    }
}
