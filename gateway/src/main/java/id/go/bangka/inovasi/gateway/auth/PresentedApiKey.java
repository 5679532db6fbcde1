package id.go.bangka.inovasi.gateway.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API key as presented in a request, not yet checked. Its {@code toString} never shows the key. */
final class PresentedApiKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedApiKey(String key) {
        super(List.of());
        this.key = key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return "api-key";
    }

    String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
