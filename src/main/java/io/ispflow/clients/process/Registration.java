package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.ClientType;
import io.ispflow.clients.ConnectionType;
import io.ispflow.platform.camunda.FormValues;
import io.ispflow.platform.camunda.ProcessInputRefusals;
import io.ispflow.shared.Language;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.PhoneNumber;

/**
 * The registration as the start form gave it, checked as the API checks {@code POST /api/clients}.
 * A start through the engine REST API may carry any variables of any type: what does not fit is the
 * caller's mistake, refused as {@link ProcessInputRefusals} describes (400), not a failure of the process.
 */
record Registration(
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NUL) String name,
        @Email @Size(max = 255) @Pattern(regexp = NO_NUL, message = NUL) String email,
        @NotBlank @PhoneNumber String phone,
        @NotBlank @Size(max = 500) @Pattern(regexp = NO_NUL, message = NUL) String address,
        @NotBlank @Size(max = 60) @Pattern(regexp = NO_NUL, message = NUL) String county,
        @NotBlank @Size(max = 60) @Pattern(regexp = NO_NUL, message = NUL) String subCounty,
        @NotBlank @Pattern(regexp = "(?i)individual|business|corporate|government", message = "is not a client type")
        String clientType,
        @NotBlank @Pattern(regexp = "(?i)fiber|wireless|satellite|dsl", message = "is not a connection type")
        String connectionType,
        @DecimalMin(value = "0.01", message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2, message = "must be shillings with at most 2 decimals")
        BigDecimal monthlyRate,
        @Pattern(regexp = "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}",
                message = "is not a service package id") String servicePackageId,
        @Pattern(regexp = "(?i)en|sw", message = "is not a language of client messages (en, sw)") String language) {

    private static final String NO_NUL = "[^\\x00]*";
    private static final String NUL = "must not contain NUL characters";

    static Registration of(DelegateExecution execution) {
        return new Registration(FormValues.text(execution.getVariable(NAME)),
                FormValues.text(execution.getVariable(EMAIL)), FormValues.text(execution.getVariable(PHONE)),
                FormValues.text(execution.getVariable(ADDRESS)), FormValues.text(execution.getVariable(COUNTY)),
                FormValues.text(execution.getVariable(SUB_COUNTY)),
                FormValues.text(execution.getVariable(CLIENT_TYPE)),
                FormValues.text(execution.getVariable(CONNECTION_TYPE)),
                rate(execution.getVariable(MONTHLY_RATE)),
                FormValues.text(execution.getVariable(SERVICE_PACKAGE_ID)),
                FormValues.text(execution.getVariable(LANGUAGE)));
    }

    /** The profile to register; refuses the registration when a field does not fit. */
    ClientProfile toProfile(Validator validator) {
        var violations = validator.validate(this);
        if (!violations.isEmpty()) {
            throw refused(violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        if (monthlyRate == null && servicePackageId == null) {
            throw refused("monthlyRate or servicePackageId must be given");
        }
        return new ClientProfile(name, email, Msisdn.parse(phone), address, county, subCounty,
                ClientType.valueOf(clientType.toUpperCase(Locale.ROOT)),
                ConnectionType.valueOf(connectionType.toUpperCase(Locale.ROOT)), monthlyRate,
                servicePackageId == null ? null : UUID.fromString(servicePackageId),
                language == null || language.isBlank() ? null : Language.valueOf(language.toUpperCase(Locale.ROOT)));
    }

    static BadUserRequestException refused(String why) {
        return ProcessInputRefusals.refuse("The registration has invalid fields: " + why);
    }

    /** The form sends a number; text that reads as one is taken too, anything else refused. */
    private static BigDecimal rate(Object value) {
        try {
            return FormValues.decimal(value);
        } catch (NumberFormatException notANumber) {
            throw refused("monthlyRate must be a number");
        }
    }
}
