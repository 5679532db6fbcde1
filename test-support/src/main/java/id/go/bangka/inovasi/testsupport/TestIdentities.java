package id.go.bangka.inovasi.testsupport;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityHeaders;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Identity headers for calling a service directly in tests, as the gateway would send them. A signature is good for
 * one request only (service, method, path and query), so the headers these methods return carry the identity with
 * the placeholder {@link #SIGNED_WHEN_SENT} instead of a signature: an {@link ApiClient} made for a service signs
 * them for each request it sends, and {@link #addTo} does so for other requests.
 */
public final class TestIdentities {

    /** The signature placeholder of identity headers not yet signed for a request. */
    public static final String SIGNED_WHEN_SENT = "signed-when-sent";

    private static final IdentitySigner GATEWAY = new IdentitySigner("gateway",
            new IdentityProperties(Infrastructure.IDENTITY_SECRET, Duration.ofSeconds(60), Duration.ofSeconds(5)),
            Clock.systemUTC());

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

    /** The identity's headers, to be signed for each request ({@link #signedFor}). */
    public static Map<String, String> headers(CallerIdentity identity) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.CLIENT_ID, identity.clientId());
        headers.put(IdentityHeaders.ROLES, String.join(",", identity.roles()));
        headers.put(IdentityHeaders.OPD_CODES, String.join(",", identity.opdCodes()));
        headers.put(IdentityHeaders.REQUEST_ID, identity.requestId());
        headers.put(IdentityHeaders.SIGNATURE, SIGNED_WHEN_SENT);
        return headers;
    }

    /** The identity signed by the gateway for exactly this request. */
    public static Map<String, String> signed(CallerIdentity identity, RequestTarget target) {
        return GATEWAY.sign(identity, target).toHeaders();
    }

    /**
     * The headers with their identity signed by the gateway for this request when they carry the placeholder;
     * otherwise unchanged (no identity, or one a test made on purpose).
     */
    public static Map<String, String> signedFor(Map<String, String> headers, RequestTarget target) {
        if (!SIGNED_WHEN_SENT.equals(headers.get(IdentityHeaders.SIGNATURE))) {
            return headers;
        }
        CallerIdentity identity = new CallerIdentity(headers.get(IdentityHeaders.CLIENT_ID),
                split(headers.get(IdentityHeaders.ROLES)), split(headers.get(IdentityHeaders.OPD_CODES)),
                headers.get(IdentityHeaders.REQUEST_ID));
        Map<String, String> signed = new HashMap<>(headers);
        signed.putAll(signed(identity, target));
        return signed;
    }

    /**
     * Adds the headers to a request, with a placeholder identity signed for this request at the given service.
     *
     * @param request a request with its method and URI set
     * @param headers headers, usually from {@link #portal}, {@link #reviewer}, {@link #ops} or {@link #anonymous}
     * @param service the receiving service's {@code spring.application.name}
     * @return the request
     */
    public static HttpRequest.Builder addTo(HttpRequest.Builder request, Map<String, String> headers,
            String service) {
        HttpRequest built = request.copy().build();
        URI uri = built.uri();
        signedFor(headers, RequestTarget.of(service, built.method(), uri))
                .forEach(request::header);
        return request;
    }

    private static Set<String> split(String values) {
        return Arrays.stream(values.split(",")).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
