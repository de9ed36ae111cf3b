package io.ispflow.clients.web;

import io.ispflow.shared.Language;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.ClientType;
import io.ispflow.clients.ConnectionType;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.PhoneNumber;

/** The body of {@code POST} and {@code PUT /api/clients}. */
record ClientRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 255) String email,
        @NotBlank @PhoneNumber String phone,
        @NotBlank @Size(max = 500) String address,
        @NotBlank @Size(max = 60) String county,
        @NotBlank @Size(max = 60) String subCounty,
        @NotNull ClientType clientType,
        @NotNull ConnectionType connectionType,
        @DecimalMin(value = "0.01", message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2, message = "must be shillings with at most 2 decimals") BigDecimal monthlyRate,
        UUID servicePackageId,
        Language language) {

    @AssertTrue(message = "give a monthly rate or a service package")
    boolean isPriced() {
        return monthlyRate != null || servicePackageId != null;
    }

    ClientProfile toProfile() {
        return new ClientProfile(name, email, Msisdn.parse(phone), address, county, subCounty, clientType,
                connectionType, monthlyRate, servicePackageId, language);
    }
}
