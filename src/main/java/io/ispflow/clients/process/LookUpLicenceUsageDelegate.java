package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.Companies;

/** Puts the company's licence tier, contracted cap and current client count into the process. */
@Component("lookUpLicenceUsageDelegate")
class LookUpLicenceUsageDelegate implements JavaDelegate {

    private final Companies companies;
    private final ClientDirectory clients;

    LookUpLicenceUsageDelegate(Companies companies, ClientDirectory clients) {
        this.companies = companies;
        this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var company = companies.find(TenantContext.requireCompanyId()).orElseThrow();
        execution.setVariable(LICENSE_TYPE, company.licenseType().name().toLowerCase(Locale.ROOT));
        execution.setVariable(COMPANY_CLIENT_LIMIT, company.clientLimit());
        execution.setVariable(CLIENT_COUNT, clients.countLicensed());
    }
}
