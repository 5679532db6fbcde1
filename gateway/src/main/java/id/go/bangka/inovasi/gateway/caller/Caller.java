package id.go.bangka.inovasi.gateway.caller;

import id.go.bangka.inovasi.platform.validation.OpdCodes;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A caller the gateway authenticated, by API key or by OIDC token.
 *
 * @param clientId  the client's id (for a token, its configured claim), forwarded to the services
 * @param roles     {@link GatewayRoles#PORTAL}, {@link GatewayRoles#REVIEWER}, {@link GatewayRoles#OPS} or
 *                  {@link GatewayRoles#PUBLIC}
 * @param opdCodes  the OPD codes it may act for; {@code *} for every code
 * @param rateLimit its own rate limit, or null for the defaults of its roles
 * @param method    how it authenticated
 */
public record Caller(String clientId, Set<String> roles, Set<String> opdCodes, RateLimit rateLimit,
        AuthenticationMethod method) {

    /** What a client id may look like: it travels in headers and in the signed identity. */
    public static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}");
    /** Every OPD code, in a caller's {@link #opdCodes()}. */
    public static final String ALL_OPDS = "*";

    public Caller {
        roles = Set.copyOf(roles);
        opdCodes = Set.copyOf(opdCodes);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether a configured or claimed value may stand in {@link #opdCodes()}: an OPD code, or {@code *} for all. */
    public static boolean isOpdCodeOrAll(String code) {
        return ALL_OPDS.equals(code) || OpdCodes.matches(code);
    }

    /** How a caller proved who it is. */
    public enum AuthenticationMethod {
        API_KEY, OIDC
    }
}
