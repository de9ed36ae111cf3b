package io.ispflow.platform.secrets;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that encrypts stored secrets (M-PESA consumer secrets and passkeys, bank keys) comes
 * from ({@code isp.platform.secrets.*}).
 *
 * @param key     base64 of a 256-bit AES key; set it from the environment ({@code ISP_PLATFORM_SECRETS_KEY})
 * @param keyFile in the default (demo) run only, a key generated on first start and kept here when no
 *                key is configured
 */
@ConfigurationProperties("isp.platform.secrets")
record SecretsProperties(String key, @DefaultValue("data/secrets.key") Path keyFile) {
}
