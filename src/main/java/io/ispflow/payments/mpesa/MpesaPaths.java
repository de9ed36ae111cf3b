package io.ispflow.payments.mpesa;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.IntakeRefusals;

/**
 * The first check on anything Daraja posts to us: the token in the path must be an active company's.
 */
@Component
class MpesaPaths {

    private final MpesaSettings settings;
    private final IntakeRefusals refusals;

    MpesaPaths(MpesaSettings settings, IntakeRefusals refusals) {
        this.settings = settings;
        this.refusals = refusals;
    }

    /** The company whose callback path this is; refuses (404) unknown and inactive paths. */
    UUID companyOf(String token, String what, String sourceAddress) {
        return settings.companyOfCallbackToken(token).orElseThrow(() -> refusals.refuse(404, null,
                what + "_unknown_path", "no company has this callback path", sourceAddress));
    }
}
