package dev.e2ee.prs.processing;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** How a processed response is rendered: {@code options.format} wins, otherwise the {@code Accept} header. */
enum ResponseFormat {
    JSON,
    XML,
    TEXT;

    static ResponseFormat choose(String format, String accept) {
        if (format != null) {
            return valueOf(format.toUpperCase(java.util.Locale.ROOT));
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        types = new java.util.ArrayList<>(types);
        types.sort(
                java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return JSON;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML)) {
                return type.isWildcardType() ? JSON : XML;
            }
            if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
                return type.isWildcardType() ? JSON : TEXT;
            }
        }
        return JSON;
    }
}
