package io.ispflow.payments.bank;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.shared.Nairobi;

/** The answers the bank gets when a call is accepted, dated in Nairobi time as its API has them. */
@Component
class BankAnswers {

    private static final DateTimeFormatter BANK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ClientDirectory clients;
    private final Clock clock;

    BankAnswers(ClientDirectory clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** Whether the customer the bank asks about is ours, with his name if so. */
    BankAnswer validation(String identifier) {
        var client = identifier == null ? Optional.<ClientDetails>empty()
                : clients.findByAccountNumber(identifier);
        return client.map(c -> BankAnswer.accountFound(new BankAnswer.Customer(identifier, "ACCOUNT_NUMBER",
                        c.accountNumber(), c.name().toUpperCase(Locale.ROOT)), now()))
                .orElseGet(() -> BankAnswer.accountNotFound(now()));
    }

    /** The acknowledgement of a stored notification, naming its inbox row. */
    BankAnswer received(UUID notification) {
        return BankAnswer.paymentReceived(notification.toString(), now());
    }

    private String now() {
        return LocalDateTime.now(clock.withZone(Nairobi.ZONE)).format(BANK_TIME);
    }
}
