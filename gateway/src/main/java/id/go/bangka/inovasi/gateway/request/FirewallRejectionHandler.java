package id.go.bangka.inovasi.gateway.request;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers requests Spring Security's firewall refuses (encoded slashes, {@code %00}, {@code ..} segments, illegal
 * characters) with a 400 problem instead of an empty 400.
 */
@Component
public class FirewallRejectionHandler implements ServerExchangeRejectedHandler {

    private final ProblemResponder problems;

    public FirewallRejectionHandler(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
                "The request was rejected: its path or headers contain encoded slashes, null bytes, dot segments or"
                        + " other characters no API path has.");
    }
}
