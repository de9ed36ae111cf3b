package io.ispflow.payments.bank;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bank notification checks ({@code isp.payments.bank.*}).
 *
 * @param replayWindow how far a notification's signed timestamp may be from our clock, either way
 */
@ConfigurationProperties("isp.payments.bank")
record BankNotificationProperties(@DefaultValue("PT5M") Duration replayWindow) {
}
