package id.go.bangka.inovasi.gateway.caller;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs in the security chain right after authentication and records the authenticated caller as an exchange
 * attribute ({@link Callers}), so access logs, rate limits and identity forwarding all see the same caller.
 */
public final class CallerRecordingFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .doOnNext(authentication -> exchange.getAttributes().put(Callers.ATTRIBUTE, authentication.caller()))
                .then(chain.filter(exchange));
    }
}
