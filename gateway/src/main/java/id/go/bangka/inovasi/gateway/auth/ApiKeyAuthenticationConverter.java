package id.go.bangka.inovasi.gateway.auth;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes the API key from {@value #API_KEY}. Ambiguous credentials are refused: two keys, a key and a bearer token,
 * or a bearer token when no OIDC issuer is configured.
 */
public final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    /** Header carrying a client's API key. */
    public static final String API_KEY = "X-Api-Key";

    private final boolean bearerTokensAccepted;

    public ApiKeyAuthenticationConverter(boolean bearerTokensAccepted) {
        this.bearerTokensAccepted = bearerTokensAccepted;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> keys = headers.getOrEmpty(API_KEY);
        boolean bearer = isBearer(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (keys.isEmpty()) {
            if (bearer && !bearerTokensAccepted) {
                return Mono.error(new BadCredentialsException(
                        "Bearer tokens are not accepted: no OIDC issuer is configured. Use an API key in the "
                                + API_KEY + " header."));
            }
            return Mono.empty();
        }
        if (keys.size() > 1) {
            return Mono.error(new BadCredentialsException("Send exactly one " + API_KEY + " header."));
        }
        if (bearer) {
            return Mono.error(new BadCredentialsException(
                    "Send either an API key or a bearer token, not both."));
        }
        return Mono.just(new PresentedApiKey(keys.get(0)));
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
