package id.go.bangka.inovasi.gateway.problem;

import id.go.bangka.inovasi.platform.problem.ProblemTypes;
import java.net.URI;
import java.util.Set;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem responses from the gateway's own filters, handlers and error handler. */
@Component
public class ProblemResponder {

    private final JsonMapper json;

    public ProblemResponder(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(ProblemTypes.BASE + status.value()));
        try {
            problem.setInstance(URI.create(requestedPath(exchange)));
        } catch (IllegalArgumentException notAUri) {
            problem.setInstance(null);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The path the caller asked for, also when the request was forwarded to a circuit breaker's fallback. */
    public static String requestedPath(ServerWebExchange exchange) {
        Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return original == null || original.isEmpty() ? exchange.getRequest().getPath().value()
                : original.iterator().next().getRawPath();
    }
}
