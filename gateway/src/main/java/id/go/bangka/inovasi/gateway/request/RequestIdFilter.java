package id.go.bangka.inovasi.gateway.request;

import id.go.bangka.inovasi.platform.identity.IdentityHeaders;
import id.go.bangka.inovasi.platform.identity.VerifiedIdentityFilter;
import io.micrometer.context.ContextRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * First of all filters: accepts the caller's {@code X-Request-Id} when it is a plain token (letters, digits and
 * {@code . _ : -}, at most 100), otherwise generates one; returns it on every response, refused ones included, puts
 * it in the logging context of everything the gateway logs for the request, and passes it on to the service (inside
 * the signed identity).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    /** Exchange attribute holding the request id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final String LOG_KEY = VerifiedIdentityFilter.REQUEST_ID_MDC;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Registers the request id as a logging context value that follows the request across threads. */
    public RequestIdFilter() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(LOG_KEY, () -> MDC.get(LOG_KEY),
                value -> MDC.put(LOG_KEY, value), () -> MDC.remove(LOG_KEY));
    }

    /** The request id of an exchange that passed this filter, or {@code -}. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(IdentityHeaders.REQUEST_ID))
                .filter(id -> ACCEPTED.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(IdentityHeaders.REQUEST_ID, requestId);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(IdentityHeaders.REQUEST_ID, requestId)).build();
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(Context.of(LOG_KEY, requestId));
    }
}
