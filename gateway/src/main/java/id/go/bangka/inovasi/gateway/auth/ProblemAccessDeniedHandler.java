package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.gateway.request.RequestLogContext;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers a known caller that lacks the role (or, for portal writes, the OPD codes) a route needs: 403. */
public final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAccessDeniedHandler.class);

    private final ProblemResponder problems;

    public ProblemAccessDeniedHandler(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        var request = exchange.getRequest();
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("anonymous").flatMap(client ->
                RequestLogContext.log(() -> log.info("403 {} {} client={}", request.getMethod(), request.getPath(),
                        client)).then(Mono.defer(() -> problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                        "The client " + client + " may not " + request.getMethod() + " " + request.getPath()
                                + ": its roles do not allow it."))));
    }
}
