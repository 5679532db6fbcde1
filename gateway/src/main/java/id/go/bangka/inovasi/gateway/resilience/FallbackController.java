package id.go.bangka.inovasi.gateway.resilience;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.gateway.request.GatewayErrorHandler;
import id.go.bangka.inovasi.gateway.request.RequestLogContext;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a failed call ({@code fallbackUri: forward:/fallback/<service>}): a problem
 * instead of an error page. An open circuit answers 503 with {@code Retry-After} (how long it stays open); other
 * failures are answered like any gateway error (503 unreachable, 504 too slow, 413 body too large).
 */
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ProblemResponder problems;
    private final GatewayErrorHandler errors;
    private final CircuitBreakerRegistry circuitBreakers;

    public FallbackController(ProblemResponder problems, GatewayErrorHandler errors,
            CircuitBreakerRegistry circuitBreakers) {
        this.problems = problems;
        this.errors = errors;
        this.circuitBreakers = circuitBreakers;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure instanceof CallNotPermittedException) {
            long retryAfter = circuitBreakers.circuitBreaker(service).getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState().apply(1) / 1000;
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter)));
            return RequestLogContext.log(() -> log.warn("Circuit of {} open: {} refused", service,
                    ProblemResponder.requestedPath(exchange))).then(Mono.defer(() -> problems.write(exchange,
                    HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "The " + service
                            + " is failing and calls to it are paused; try again after Retry-After seconds.")));
        }
        if (failure == null) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The " + service + " is unavailable; try again shortly.");
        }
        return errors.handle(exchange, failure);
    }
}
