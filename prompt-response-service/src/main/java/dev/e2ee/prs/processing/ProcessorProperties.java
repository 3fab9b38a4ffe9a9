package dev.e2ee.prs.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code e2ee.processor.type} ({@code PROMPT_PROCESSOR}): {@code echo} or {@code openai}. The default ({@code echo})
 * is in {@code application.yml}, the one place for it: an empty {@code ${PROMPT_PROCESSOR:}} would bind as an empty
 * String, not fall back to a record default.
 */
@ConfigurationProperties("e2ee.processor")
public record ProcessorProperties(String type) {}
