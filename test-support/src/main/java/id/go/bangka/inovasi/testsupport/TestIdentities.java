package id.go.bangka.inovasi.testsupport;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signed identity headers for calling a service directly in tests, as the gateway would. */
public final class TestIdentities {

    private static final IdentitySigner SIGNER =
            new IdentitySigner(Infrastructure.IDENTITY_SECRET, Duration.ofSeconds(60), Clock.systemUTC());

    private TestIdentities() {
    }

    /** Headers of a portal acting for the given OPD codes. */
    public static Map<String, String> portal(String clientId, String... opdCodes) {
        return headers(new CallerIdentity(clientId, Set.of("portal"), Set.of(opdCodes), requestId()));
    }

    /** Headers of a reviewer. */
    public static Map<String, String> reviewer(String clientId) {
        return headers(new CallerIdentity(clientId, Set.of("reviewer"), Set.of(), requestId()));
    }

    /** Headers of an operator. */
    public static Map<String, String> ops(String clientId) {
        return headers(new CallerIdentity(clientId, Set.of("ops"), Set.of(), requestId()));
    }

    /** Headers of an anonymous public caller. */
    public static Map<String, String> anonymous() {
        return headers(CallerIdentity.anonymous(requestId()));
    }

    public static Map<String, String> headers(CallerIdentity identity) {
        return SIGNER.sign(identity).toHeaders();
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
