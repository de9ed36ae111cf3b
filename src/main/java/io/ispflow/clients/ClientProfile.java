package io.ispflow.clients;

import io.ispflow.shared.Language;
import java.math.BigDecimal;
import java.util.UUID;

import io.ispflow.shared.Msisdn;

/**
 * What staff enter about a client when registering or editing him. Validated at the edge; the phone
 * number is already normalised.
 *
 * @param monthlyRate KES per month; when null, the service package's rate applies
 * @param language    the language of his messages; English when null
 */
public record ClientProfile(String name, String email, Msisdn phone, String address, String county, String subCounty,
        ClientType clientType, ConnectionType connectionType, BigDecimal monthlyRate, UUID servicePackageId,
        Language language) {
}
