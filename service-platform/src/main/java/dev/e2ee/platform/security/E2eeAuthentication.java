package dev.e2ee.platform.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: the principal is an {@link E2eePrincipal}, authorities are its roles. */
final class E2eeAuthentication extends AbstractAuthenticationToken {

    private final E2eePrincipal principal;

    E2eeAuthentication(E2eePrincipal principal) {
        super(principal.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public E2eePrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.subject();
    }

    static List<String> authorities(E2eePrincipal principal) {
        return principal.roles().stream().map(Role::authority).toList();
    }
}
