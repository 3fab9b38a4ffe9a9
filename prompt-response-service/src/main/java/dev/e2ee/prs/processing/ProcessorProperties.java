package dev.e2ee.prs.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code e2ee.processor.type} ({@code PROMPT_PROCESSOR}): {@code echo} (default) or {@code openai}. */
@ConfigurationProperties("e2ee.processor")
public record ProcessorProperties(@DefaultValue("echo") String type) {}
