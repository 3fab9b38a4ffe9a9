package dev.e2ee.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a test class against real PostgreSQL and/or Redis (see {@link TestInfrastructure} for where they come
 * from). On a Spring test ({@code @SpringBootTest}, {@code @DataJpaTest}, …) it sets {@code spring.datasource.url},
 * {@code spring.datasource.username}, {@code spring.datasource.password}, {@code spring.data.redis.host} and
 * {@code spring.data.redis.port} (highest precedence); classes with the same attributes share cached contexts.
 * When the infrastructure is missing the class is skipped with a loud reason, or fails when {@code -De2ee.ci=true}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @RealInfrastructure(database = "e2ee_vault_test")
 * class PromptApiIntegrationTests { ... }
 * }</pre>
 * For {@code @DataJpaTest} add {@code @AutoConfigureTestDatabase(replace = NONE)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureCondition.class)
@ContextCustomizerFactories(RealInfrastructureContextCustomizerFactory.class)
public @interface RealInfrastructure {

    /** PostgreSQL database to use (created if missing); empty = no PostgreSQL. */
    String database() default "";

    /** Whether the test needs Redis. */
    boolean redis() default true;
}
