package id.go.bangka.inovasi.platform.identity;

import java.util.Set;

/**
 * Who is calling, as the gateway verified it.
 *
 * @param clientId  the authenticated client's id, or {@value #ANONYMOUS} for anonymous public reads
 * @param roles     the client's roles ({@code portal}, {@code reviewer}, {@code ops}); empty for anonymous
 * @param opdCodes  the OPD codes a portal may act for; {@value #ALL_OPDS} means every code
 * @param requestId the request id the gateway accepted or generated
 */
public record CallerIdentity(String clientId, Set<String> roles, Set<String> opdCodes, String requestId) {

    public static final String ANONYMOUS = "anonymous";
    public static final String ALL_OPDS = "*";

    public CallerIdentity {
        roles = Set.copyOf(roles);
        opdCodes = Set.copyOf(opdCodes);
    }

    /** The identity of a caller without credentials. */
    public static CallerIdentity anonymous(String requestId) {
        return new CallerIdentity(ANONYMOUS, Set.of(), Set.of(), requestId);
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(clientId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this caller may act for the given OPD. */
    public boolean mayActFor(String opdCode) {
        return opdCodes.contains(ALL_OPDS) || opdCodes.contains(opdCode);
    }
}
