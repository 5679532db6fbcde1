package id.go.bangka.inovasi.gateway.identity;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import id.go.bangka.inovasi.gateway.auth.ApiKeyAuthenticationConverter;
import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.Callers;
import id.go.bangka.inovasi.gateway.request.RequestIdFilter;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityHeaders;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Forwards the caller the security chain verified (or the anonymous public) to the service as a signed identity:
 * every incoming identity header is removed first, and the credentials themselves (API key, bearer token) never
 * leave the gateway. The signature binds the route's service (its {@value #SERVICE} metadata), the method and the
 * path and query the service receives; it runs after the route's filters and the load balancer, so a rewritten path
 * (such as {@code SetPath}) is signed as it is sent.
 */
@Component
public class IdentityForwardingFilter implements GlobalFilter, Ordered {

    /** Route metadata naming the service a route leads to (its {@code spring.application.name}). */
    public static final String SERVICE = "service";

    private final IdentitySigner signer;

    /** Refuses to start when a route does not name its service: its requests could not be signed. */
    public IdentityForwardingFilter(IdentitySigner signer, GatewayProperties gateway) {
        this.signer = signer;
        List<String> unnamed = gateway.getRoutes().stream().filter(route -> service(route.getMetadata()) == null)
                .map(RouteDefinition::getId).toList();
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("Routes without the '" + SERVICE + "' metadata naming their service: "
                    + unnamed);
        }
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String requestId = RequestIdFilter.of(exchange);
        CallerIdentity identity = Callers.of(exchange)
                .map(caller -> identity(caller, requestId))
                .orElseGet(() -> CallerIdentity.anonymous(requestId));
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String service = route == null ? null : service(route.getMetadata());
        URI sent = exchange.getAttributeOrDefault(GATEWAY_REQUEST_URL_ATTR, exchange.getRequest().getURI());
        URI wire = URI.create(sent.toASCIIString());
        Map<String, String> signed = service == null ? Map.of() : signer.sign(identity,
                RequestTarget.of(service, exchange.getRequest().getMethod().name(), wire.getRawPath(),
                        wire.getRawQuery())).toHeaders();
        ServerHttpRequest forwarded = exchange.getRequest().mutate().headers(headers -> {
            IdentityHeaders.ALL.forEach(headers::remove);
            headers.remove(ApiKeyAuthenticationConverter.API_KEY);
            headers.remove(HttpHeaders.AUTHORIZATION);
            signed.forEach(headers::set);
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static String service(Map<String, Object> metadata) {
        return metadata.get(SERVICE) instanceof String name && !name.isBlank() ? name : null;
    }

    private static CallerIdentity identity(Caller caller, String requestId) {
        return new CallerIdentity(caller.clientId(), caller.roles(), caller.opdCodes(), requestId);
    }
}
