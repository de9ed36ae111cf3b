package io.ispflow.payments.mpesa;

import java.util.List;

import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderChannel;

/** Daraja posts STK results and paybill requests to us; whatever we do not acknowledge is "Rejected". */
@Component
class DarajaChannel implements ProviderChannel {

    @Override
    public List<String> paths() {
        return List.of(MpesaSettings.CALLBACK_PATH, DarajaClient.C2B_PATH);
    }

    @Override
    public Object rejected(String reason) {
        return DarajaAnswer.REJECTED;
    }

    @Override
    public Object failed() {
        return DarajaAnswer.REJECTED;
    }
}
