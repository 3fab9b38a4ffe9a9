package dev.e2ee.vault.prompt;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class PromptStatusConverter implements AttributeConverter<PromptStatus, String> {

    @Override
    public String convertToDatabaseColumn(PromptStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public PromptStatus convertToEntityAttribute(String value) {
        return value == null ? null : PromptStatus.fromWire(value);
    }
}
