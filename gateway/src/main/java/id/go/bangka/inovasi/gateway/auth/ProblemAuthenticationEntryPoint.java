package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.gateway.request.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request without valid credentials: 401, a {@code WWW-Authenticate} challenge for each accepted scheme
 * (API key, and bearer token when OIDC is configured) and a problem body saying what was wrong.
 */
public final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    private static final String API_KEY_CHALLENGE =
            "ApiKey realm=\"inovasi\", header=\"" + ApiKeyAuthenticationConverter.API_KEY + "\"";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"inovasi\"";

    private final ProblemResponder problems;
    private final boolean bearerTokensAccepted;

    public ProblemAuthenticationEntryPoint(ProblemResponder problems, boolean bearerTokensAccepted) {
        this.problems = problems;
        this.bearerTokensAccepted = bearerTokensAccepted;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.add(HttpHeaders.WWW_AUTHENTICATE, API_KEY_CHALLENGE);
        if (bearerTokensAccepted) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, failure instanceof OAuth2AuthenticationException
                    ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE);
        }
        String detail = detail(failure);
        return RequestLogContext.log(() -> log.info("401 {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), detail))
                .then(Mono.defer(() -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthenticated", detail)));
    }

    private String detail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "The bearer token is not valid" + (description == null ? "." : ": " + description);
        }
        if (failure instanceof BadCredentialsException) {
            return failure.getMessage();
        }
        return "This request requires credentials: an API key in the " + ApiKeyAuthenticationConverter.API_KEY
                + " header" + (bearerTokensAccepted ? " or an OIDC bearer token in the Authorization header." : ".");
    }
}
