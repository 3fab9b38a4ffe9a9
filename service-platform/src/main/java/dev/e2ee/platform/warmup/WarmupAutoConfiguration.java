package dev.e2ee.platform.warmup;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The warm-up before readiness ({@link Warmup}) with the self-request contributor; services add their own. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WarmupProperties.class)
public class WarmupAutoConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after the services' own runners (bootstrap keys, mirrors)
    Warmup e2eeWarmup(WarmupProperties properties, List<WarmupContributor> contributors) {
        return new Warmup(properties, contributors);
    }

    @Bean
    WarmupContributor e2eeSelfRequestWarmup(WarmupProperties properties, ApplicationContext context) {
        return new SelfRequestWarmup(context, properties.selfRequestPath());
    }
}
