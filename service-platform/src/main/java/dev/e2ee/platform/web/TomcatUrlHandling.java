package dev.e2ee.platform.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Lets Tomcat pass encoded {@code /} and {@code \} through instead of refusing them with its own HTML page, so
 * Spring Security's firewall refuses them with the platform's 400 problem.
 */
final class TomcatUrlHandling implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }
}
