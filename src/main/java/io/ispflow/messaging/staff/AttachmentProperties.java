package io.ispflow.messaging.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Attachments of internal messages ({@code isp.messaging.attachments.*}).
 *
 * @param maxSize the largest file that may be attached; a larger one is refused (413) without being read
 */
@Validated
@ConfigurationProperties("isp.messaging.attachments")
record AttachmentProperties(@DefaultValue("10MB") DataSize maxSize) {
}
