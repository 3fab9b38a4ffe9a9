package dev.e2ee.platform.ehbp;

import dev.e2ee.crypto.ehbp.RequestOpener;
import dev.e2ee.platform.web.PlatformWebAutoConfiguration;
import dev.e2ee.platform.web.ProblemWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** Encrypted bodies (docs/ehbp.md): the origin's HPKE keys from {@code e2ee.hpke.private-key-path} and the filter. */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EhbpProperties.class)
public class EhbpAutoConfiguration {

    /** After the request id, the body limit (it bounds the ciphertext) and the form→JSON rule; before security. */
    public static final int EHBP_ORDER = PlatformWebAutoConfiguration.FORM_JSON_ORDER + 1;

    private static final Logger log = LoggerFactory.getLogger(EhbpAutoConfiguration.class);

    @Bean
    FilterRegistrationBean<EhbpFilter> e2eeEhbpFilter(EhbpProperties properties, ProblemWriter problems) {
        RequestOpener keys = properties.enabled() ? load(properties.privateKeyPath()) : null;
        if (keys == null) {
            log.info(
                    "Encrypted bodies: off (no e2ee.hpke.private-key-path); require mode {}",
                    properties.requireEncryptedBodies() ? "on" : "off");
        } else {
            log.info(
                    "Encrypted bodies: on, {} key(s), current key id {}; require mode {}",
                    keys.configs().size(),
                    keys.configs().get(0).keyId(),
                    properties.requireEncryptedBodies() ? "on" : "off");
        }
        FilterRegistrationBean<EhbpFilter> registration =
                new FilterRegistrationBean<>(new EhbpFilter(keys, properties, problems));
        registration.setOrder(EHBP_ORDER);
        return registration;
    }

    static RequestOpener load(List<String> paths) {
        List<String> pems = new ArrayList<>();
        for (String path : paths) {
            try {
                pems.add(Files.readString(Path.of(path), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read HPKE private key file " + path, e);
            }
        }
        try {
            return RequestOpener.fromPkcs8Pem(pems);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "e2ee.hpke.private-key-path (E2EE_HPKE_PRIVATE_KEY_PATH): every file must be an X25519 private key"
                            + " in PKCS#8 PEM (openssl genpkey -algorithm X25519)");
        }
    }
}
