package dev.e2ee.vault.envelope;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class EnvelopeStatusConverter implements AttributeConverter<EnvelopeStatus, String> {

    @Override
    public String convertToDatabaseColumn(EnvelopeStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public EnvelopeStatus convertToEntityAttribute(String value) {
        return value == null ? null : EnvelopeStatus.fromWire(value);
    }
}
