package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityHeaders;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates every routed request and forwards the verified identity, signed, to the service. Incoming identity
 * headers are always removed first, and the API key itself never leaves the gateway. Without a key only reads are
 * allowed (as the anonymous public); an unknown key is refused.
 */
@Component
public class IdentityForwardingFilter implements GlobalFilter, Ordered {

    /** Header carrying a client's API key. */
    public static final String API_KEY = "X-Api-Key";

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String CHALLENGE = "ApiKey realm=\"inovasi\", header=\"" + API_KEY + "\"";

    private final ApiKeyRegistry keys;
    private final IdentitySigner signer;
    private final ProblemResponder problems;

    public IdentityForwardingFilter(ApiKeyRegistry keys, IdentitySigner signer, ProblemResponder problems) {
        this.keys = keys;
        this.signer = signer;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = Optional.ofNullable(request.getHeaders().getFirst(IdentityHeaders.REQUEST_ID))
                .filter(id -> REQUEST_ID.matcher(id).matches()).orElseGet(() -> UUID.randomUUID().toString());
        exchange.getResponse().getHeaders().set(IdentityHeaders.REQUEST_ID, requestId);

        String key = request.getHeaders().getFirst(API_KEY);
        CallerIdentity identity;
        if (key != null) {
            Optional<ApiClientProperties.Client> client = keys.find(key);
            if (client.isEmpty()) {
                return unauthenticated(exchange, "The API key is not valid.");
            }
            identity = new CallerIdentity(client.get().id(), client.get().roles(), client.get().opdCodes(), requestId);
        } else if (READS.contains(request.getMethod())) {
            identity = CallerIdentity.anonymous(requestId);
        } else {
            return unauthenticated(exchange, "Writes require an API key in the " + API_KEY + " header.");
        }
        var signed = signer.sign(identity).toHeaders();
        ServerHttpRequest forwarded = request.mutate().headers(headers -> {
            IdentityHeaders.ALL.forEach(headers::remove);
            headers.remove(API_KEY);
            signed.forEach(headers::set);
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthenticated", detail);
    }
}
