package io.ispflow.messaging;

import java.util.Map;
import java.util.Optional;

import io.ispflow.shared.Language;

/** How a client message of a purpose reads, in a language, for the current company. */
interface Wording {

    String text(MessagePurpose purpose, Language language, Map<String, ?> values);

    Optional<String> subject(MessagePurpose purpose, Language language, Map<String, ?> values);
}
