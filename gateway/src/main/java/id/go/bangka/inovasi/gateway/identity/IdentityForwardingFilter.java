package id.go.bangka.inovasi.gateway.identity;

import id.go.bangka.inovasi.gateway.auth.ApiKeyAuthenticationConverter;
import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.Callers;
import id.go.bangka.inovasi.gateway.request.RequestIdFilter;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityHeaders;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Forwards the caller the security chain verified (or the anonymous public) to the service as a signed identity:
 * every incoming identity header is removed first, and the credentials themselves (API key, bearer token) never
 * leave the gateway.
 */
@Component
public class IdentityForwardingFilter implements GlobalFilter, Ordered {

    private final IdentitySigner signer;

    public IdentityForwardingFilter(IdentitySigner signer) {
        this.signer = signer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String requestId = RequestIdFilter.of(exchange);
        CallerIdentity identity = Callers.of(exchange)
                .map(caller -> identity(caller, requestId))
                .orElseGet(() -> CallerIdentity.anonymous(requestId));
        Map<String, String> signed = signer.sign(identity).toHeaders();
        ServerHttpRequest forwarded = exchange.getRequest().mutate().headers(headers -> {
            IdentityHeaders.ALL.forEach(headers::remove);
            headers.remove(ApiKeyAuthenticationConverter.API_KEY);
            headers.remove(HttpHeaders.AUTHORIZATION);
            signed.forEach(headers::set);
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static CallerIdentity identity(Caller caller, String requestId) {
        return new CallerIdentity(caller.clientId(), caller.roles(), caller.opdCodes(), requestId);
    }
}
