package io.ispflow.payments.bank;

import java.util.List;

import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderChannel;

/** The bank posts to us; a refusal names its reason, a failure asks it to retry. */
@Component
class BankChannel implements ProviderChannel {

    @Override
    public List<String> paths() {
        return List.of(BankSettings.NOTIFICATION_PATH);
    }

    @Override
    public Object rejected(String reason) {
        return BankAnswer.rejected(reason);
    }

    @Override
    public Object failed() {
        return BankAnswer.failed();
    }
}
