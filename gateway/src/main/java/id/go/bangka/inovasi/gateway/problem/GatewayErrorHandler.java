package id.go.bangka.inovasi.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises becomes a problem: an unknown path 404, an unreachable or slow service 503 or
 * 504, never a bare 500 page.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponder problems;

    public GatewayErrorHandler(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus resolved = HttpStatus.resolve(code.value());
            if (resolved != null && resolved.is4xxClientError()) {
                return problems.write(exchange, resolved, resolved.getReasonPhrase(),
                        status.getReason() == null ? resolved.getReasonPhrase() : status.getReason());
            }
            if (resolved == HttpStatus.GATEWAY_TIMEOUT) {
                return timeout(exchange);
            }
        }
        if (causedBy(error, TimeoutException.class)) {
            return timeout(exchange);
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)
                || error instanceof ResponseStatusException) {
            log.warn("Downstream unavailable for {}: {}", exchange.getRequest().getPath(), error.getMessage());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service behind " + exchange.getRequest().getPath() + " is unavailable; try again shortly.");
        }
        log.error("Gateway error on {}", exchange.getRequest().getPath(), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. It has been logged; try again later.");
    }

    private Mono<Void> timeout(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
                "The service behind " + exchange.getRequest().getPath() + " did not answer in time.");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
