package dev.e2ee.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Puts the resolved PostgreSQL/Redis coordinates into the test's Spring environment. */
final class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return annotation == null ? null : new Customizer(annotation.database(), annotation.redis());
    }

    private record Customizer(String database, boolean redis) implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (!database.isEmpty()) {
                PostgresServer postgres = TestInfrastructure.postgres(database);
                properties.put("spring.datasource.url", postgres.jdbcUrl());
                properties.put("spring.datasource.username", postgres.username());
                properties.put("spring.datasource.password", postgres.password());
            }
            if (redis) {
                RedisServer server = TestInfrastructure.redis();
                properties.put("spring.data.redis.host", server.host());
                properties.put("spring.data.redis.port", server.port());
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("e2ee-real-infrastructure", properties));
            // a few warm-up rounds (they still run every contributor) instead of up to e2ee.warmup.max-duration per
            // test context; lowest precedence, so a test's own properties win
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource("e2ee-test-warmup", Map.of("e2ee.warmup.rounds", 5)));
        }
    }
}
