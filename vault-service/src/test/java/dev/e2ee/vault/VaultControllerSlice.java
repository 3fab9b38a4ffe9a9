package dev.e2ee.vault;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/** A {@code @WebMvcTest} of vault controllers with the vault's role rules ({@code VaultAuthorization}) and a JWT key. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "dev\\.e2ee\\.vault\\.web\\.VaultAuthorization"),
        properties = "e2ee.security.jwt-secret=vault-controller-slice-secret-of-at-least-32-bytes")
public @interface VaultControllerSlice {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
