package io.ispflow.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo run ({@code isp.demo.*}).
 *
 * @param smtpPort the loopback port of the demo's SMTP server ({@link DemoMailbox}), the demo companies' mail server
 */
@Validated
@ConfigurationProperties("isp.demo")
record DemoProperties(@DefaultValue("3025") @Min(1) @Max(65535) int smtpPort) {
}
