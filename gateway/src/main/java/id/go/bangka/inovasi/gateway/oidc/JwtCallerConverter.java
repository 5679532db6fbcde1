package id.go.bangka.inovasi.gateway.oidc;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.CallerAuthentication;
import id.go.bangka.inovasi.gateway.caller.GatewayRoles;
import id.go.bangka.inovasi.platform.validation.OpdCodes;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns a verified OIDC token (signature, issuer, audience and lifetime already checked) into a {@link Caller}: its
 * id, known roles and OPD codes from the claims named in {@link OidcClaimsProperties}. The caller's id is the claimed
 * id behind {@value #PREFIX}, so a token's subject never stands for an API client of the same name; a token that claims
 * every OPD ({@code *}), which only the clients file may grant, is refused.
 */
@Component
public class JwtCallerConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    /** What every OIDC caller's id starts with; API client ids may not (ClientsValidator). */
    public static final String PREFIX = "oidc:";

    private final OidcClaimsProperties claims;

    public JwtCallerConverter(OidcClaimsProperties claims) {
        this.claims = claims;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Object id = claim(jwt.getClaims(), claims.clientIdClaim());
        if (!(id instanceof String claimed) || !Caller.CLIENT_ID.matcher(claimed).matches()
                || !Caller.CLIENT_ID.matcher(PREFIX + claimed).matches()) {
            return Mono.error(new InvalidBearerTokenException("The token's " + claims.clientIdClaim()
                    + " claim is missing or not a valid client id (at most 95 letters, digits or . _ @ : -)."));
        }
        String clientId = PREFIX + claimed;
        Set<String> roles = values(claim(jwt.getClaims(), claims.rolesClaim()));
        roles.retainAll(GatewayRoles.ALL);
        Set<String> opdCodes = values(claim(jwt.getClaims(), claims.opdCodesClaim()));
        if (opdCodes.contains(Caller.ALL_OPDS)) {
            return Mono.error(new InvalidBearerTokenException("The token's " + claims.opdCodesClaim()
                    + " claim holds '*': acting for every OPD is granted only by the clients file."));
        }
        if (!opdCodes.stream().allMatch(OpdCodes::matches)) {
            return Mono.error(new InvalidBearerTokenException(
                    "The token's " + claims.opdCodesClaim() + " claim holds a value that is not an OPD code."));
        }
        return Mono.just(new CallerAuthentication(
                new Caller(clientId, roles, opdCodes, null, Caller.AuthenticationMethod.OIDC)));
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.stream().filter(String.class::isInstance).map(String.class::cast).map(String::trim)
                    .filter(v -> !v.isEmpty()).forEach(values::add);
        } else if (claim instanceof String string) {
            Arrays.stream(string.split("[\\s,]+")).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }
}
