package io.ispflow.clients.internal;

import jakarta.persistence.Converter;

import io.ispflow.platform.database.LowerCaseEnumConverter;
import io.ispflow.shared.Language;

@Converter(autoApply = true)
class LanguageConverter extends LowerCaseEnumConverter<Language> {

    LanguageConverter() {
        super(Language.class);
    }
}
