package io.ispflow.payments.mpesa;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Safaricom's Daraja API is and where it calls us back ({@code isp.payments.daraja.*}).
 *
 * @param sandboxUrl     Daraja sandbox base URL
 * @param productionUrl  Daraja production base URL
 * @param callbackBaseUrl this installation's public base URL, to which Daraja posts results
 * @param timeout        how long a Daraja call may take
 */
@ConfigurationProperties("isp.payments.daraja")
record DarajaProperties(
        @DefaultValue("https://sandbox.safaricom.co.ke") URI sandboxUrl,
        @DefaultValue("https://api.safaricom.co.ke") URI productionUrl,
        @DefaultValue("http://localhost:8080") URI callbackBaseUrl,
        @DefaultValue("PT15S") Duration timeout) {

    URI baseUrl(String environment) {
        return "production".equals(environment) ? productionUrl : sandboxUrl;
    }
}
