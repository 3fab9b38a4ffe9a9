package dev.e2ee.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import net.ttddyy.observation.boot.autoconfigure.DataSourceObservationBeanPostProcessor;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * With {@code TRACING_ENABLED} unset (the default), datasource-micrometer is switched off: the {@code DataSource} is
 * Hikari's own, not a proxy, and no statement listener exists, so queries cost nothing extra.
 */
class JdbcTracingOffIntegrationTests extends VaultIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Test
    void dataSourceWhenTracingOffThenNotProxiedAndNoStatementObservation() {
        assertThat(dataSource).isExactlyInstanceOf(HikariDataSource.class);
        assertThat(context.getBeanNamesForType(DataSourceObservationBeanPostProcessor.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(DataSourceObservationListener.class))
                .isEmpty();
    }
}
