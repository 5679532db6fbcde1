package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.gateway.request.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * Answers failed authentication: bad credentials as 401 through the entry point; an identity provider that cannot
 * be reached (its keys unavailable) as a 503 problem, since the caller's credentials may well be fine.
 */
public final class ProblemAuthenticationFailureHandler implements ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationFailureHandler.class);

    private final ProblemAuthenticationEntryPoint entryPoint;
    private final ProblemResponder problems;

    public ProblemAuthenticationFailureHandler(ProblemAuthenticationEntryPoint entryPoint, ProblemResponder problems) {
        this.entryPoint = entryPoint;
        this.problems = problems;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange,
            AuthenticationException failure) {
        var exchange = webFilterExchange.getExchange();
        if (failure instanceof AuthenticationServiceException) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return RequestLogContext.log(() -> log.warn(
                    "Bearer token not checked, the identity provider is unavailable: {}", failure.getMessage()))
                    .then(Mono.defer(() -> problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                            "Authentication unavailable", "The bearer token could not be checked because the"
                                    + " identity provider is unavailable; try again shortly.")));
        }
        return entryPoint.commence(exchange, failure);
    }
}
