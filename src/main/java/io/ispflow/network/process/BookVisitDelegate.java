package io.ispflow.network.process;

import static io.ispflow.network.process.InstallationVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.camunda.FormValues;
import io.ispflow.platform.camunda.ProcessInputRefusals;

import io.ispflow.network.ClientOfProcess;
import io.ispflow.network.Installations;
import io.ispflow.network.Technician;
import io.ispflow.shared.Nairobi;

/** Books the visit NOC scheduled, counting the attempts, and routes the on-site task to the technician. */
@Component("bookVisitDelegate")
class BookVisitDelegate implements JavaDelegate {

    private final Installations installations;
    private final ClientOfProcess clients;

    BookVisitDelegate(Installations installations, ClientOfProcess clients) {
        this.installations = installations;
        this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int attempt = FormValues.integer(execution.getVariable(ATTEMPT), 0) + 1;
        String technician = FormValues.text(execution.getVariable(TECHNICIAN));
        String visitDate = FormValues.text(execution.getVariable(VISIT_DATE));
        if (technician == null || visitDate == null) {
            throw ProcessInputRefusals.refuse("A visit needs its date and its technician.");
        }
        Instant visitAt = visitTime(visitDate);
        UUID id = installations.book(clients.clientIdOf(execution), attempt, visitAt, technician);
        execution.setVariable(ATTEMPT, attempt);
        execution.setVariable(VISIT_AT, Date.from(visitAt)); // the on-site task is due then
        execution.setVariable(INSTALLATION_ID, id.toString());
        execution.setVariable(TECHNICIAN_USER_ID, Technician.staffUserId(technician));
    }

    /** The form gives a date-time with or without offset, or a date (then 09:00 Nairobi time). */
    static Instant visitTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).atZone(Nairobi.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(value).atTime(LocalTime.of(9, 0)).atZone(Nairobi.ZONE).toInstant();
            }
        }
    }
}
