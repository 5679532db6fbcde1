package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.caller.CallerAuthentication;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Authenticates a presented API key against the {@link ApiKeyRegistry}. */
@Component
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeyRegistry registry;

    public ApiKeyAuthenticationManager(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof PresentedApiKey presented)) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(registry.find(presented.key()))
                .<Authentication>map(CallerAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("The API key is not valid.")));
    }
}
