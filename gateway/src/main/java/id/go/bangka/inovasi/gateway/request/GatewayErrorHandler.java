package id.go.bangka.inovasi.gateway.request;

import id.go.bangka.inovasi.gateway.balancing.BackendServices;
import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises becomes a problem: bad input its 4xx (an unknown path 404, a body too large
 * 413), a service with no ready replica, or one that cannot be reached or drops the connection, 503 with
 * {@code Retry-After}, a slow one 504, never a bare 500 page.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponder problems;
    private final BackendServices services;

    public GatewayErrorHandler(ProblemResponder problems, BackendServices services) {
        this.problems = problems;
        this.services = services;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = ProblemResponder.requestedPath(exchange);
        if (cause(error, NotFoundException.class) != null) {
            return noReadyReplica(exchange, path);
        }
        ResponseStatusException status = cause(error, ResponseStatusException.class);
        HttpStatus resolved = status == null ? null : HttpStatus.resolve(status.getStatusCode().value());
        if (resolved != null && resolved.is4xxClientError()) {
            return problems.write(exchange, resolved, resolved.getReasonPhrase(),
                    status.getReason() == null ? resolved.getReasonPhrase() : status.getReason());
        }
        if (resolved == HttpStatus.GATEWAY_TIMEOUT || cause(error, TimeoutException.class) != null) {
            log.warn("Downstream too slow for {} request_id={}", path, RequestIdFilter.of(exchange));
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
                    "The service behind " + path + " did not answer in time.");
        }
        if (status != null || cause(error, IOException.class) != null) {
            log.warn("Downstream unavailable for {} request_id={}: {}", path,
                    RequestIdFilter.of(exchange), error.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service behind " + path + " is unavailable; try again shortly.");
        }
        log.error("Gateway error on {} request_id={}", path, RequestIdFilter.of(exchange), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. It has been logged; try again later.");
    }

    /** The load balancer found no replica of the route's service whose readiness is UP (starting, rebuilding, gone). */
    private Mono<Void> noReadyReplica(ServerWebExchange exchange, String path) {
        URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = target != null && "lb".equals(target.getScheme()) ? target.getHost()
                : route != null && route.getMetadata().get("service") != null
                        ? route.getMetadata().get("service").toString() : "service behind " + path;
        log.warn("No ready replica of {} for {} request_id={}", service, path, RequestIdFilter.of(exchange));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "No replica of the " + service + " is ready (starting, rebuilding or stopped); try again after "
                        + "Retry-After seconds.");
    }

    /** Retry-After of a 503: a replica found ready at one of the next health checks, or the service back. */
    private String retryAfterSeconds() {
        return Long.toString(Math.max(1, services.noReadyReplicaRetryAfter().toSeconds()));
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
