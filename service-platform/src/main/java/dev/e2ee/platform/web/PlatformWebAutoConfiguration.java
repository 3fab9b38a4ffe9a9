package dev.e2ee.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web wiring: request ids, body limit, the {@code curl -d} JSON rule, problem details, strict JSON binding
 * (unknown properties and duplicate member names fail).
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class PlatformWebAutoConfiguration {

    /** Filter orders: request id first, then the body limit, then the form→JSON rewrite, all before security. */
    public static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE;

    public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int FORM_JSON_ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

    @Bean
    JsonMapperBuilderCustomizer e2eeStrictJsonCustomizer() {
        return new StrictJsonCustomizer();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter e2eeProblemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(PlatformExceptionHandler.class)
    PlatformExceptionHandler e2eePlatformExceptionHandler() {
        return new PlatformExceptionHandler();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> e2eeRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> e2eeBodySizeLimitFilter(
            WebProperties properties, ProblemWriter writer) {
        BodySizeLimitFilter filter =
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), writer);
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormJsonContentTypeFilter> e2eeFormJsonContentTypeFilter() {
        FilterRegistrationBean<FormJsonContentTypeFilter> registration =
                new FilterRegistrationBean<>(new FormJsonContentTypeFilter());
        registration.setOrder(FORM_JSON_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    static class TomcatConfiguration {

        @Bean
        TomcatUrlHandling e2eeTomcatUrlHandling() {
            return new TomcatUrlHandling();
        }
    }

    /**
     * Runs after Boot's own customizer so {@code spring.jackson.*} cannot silently re-allow unknown properties; also
     * refuses duplicate names and strings that are not valid Unicode ({@link UnicodeStrictJson}, I-JSON).
     */
    static final class StrictJsonCustomizer implements JsonMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(JsonMapper.Builder builder) {
            builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            builder.addModule(UnicodeStrictJson.module());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
