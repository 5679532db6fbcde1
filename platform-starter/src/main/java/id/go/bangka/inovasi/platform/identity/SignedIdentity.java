package id.go.bangka.inovasi.platform.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * An identity with who signed it, for which request, when, and the HMAC signature, as carried in
 * {@link IdentityHeaders}. The target is not sent: the receiving service puts in its own name and the request's method,
 * path and query when it verifies.
 *
 * @param identity     the caller whose rights apply
 * @param signer       who signed: {@code gateway}, or a service calling another one acting for the caller
 * @param target       the one request the signature is good for
 * @param epochSeconds when it was signed
 * @param signature    base64url HMAC-SHA256 over the {@link #canonical canonical} form of all the above
 */
public record SignedIdentity(CallerIdentity identity, String signer, RequestTarget target, long epochSeconds,
        String signature) {

    /** The exact string that is signed: a version, the signer, the target, every identity field, the time. */
    static String canonical(CallerIdentity identity, String signer, RequestTarget target, long epochSeconds) {
        return String.join("\n",
                "inovasi-identity-v2",
                signer,
                target.service(),
                target.method(),
                target.pathAndQuery(),
                identity.clientId(),
                String.join(",", new TreeSet<>(identity.roles())),
                String.join(",", new TreeSet<>(identity.opdCodes())),
                identity.requestId() == null ? "" : identity.requestId(),
                Long.toString(epochSeconds));
    }

    /** The headers to send. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.CLIENT_ID, identity.clientId());
        headers.put(IdentityHeaders.ROLES, String.join(",", new TreeSet<>(identity.roles())));
        headers.put(IdentityHeaders.OPD_CODES, String.join(",", new TreeSet<>(identity.opdCodes())));
        if (identity.requestId() != null) {
            headers.put(IdentityHeaders.REQUEST_ID, identity.requestId());
        }
        headers.put(IdentityHeaders.SIGNER, signer);
        headers.put(IdentityHeaders.TIMESTAMP, Long.toString(epochSeconds));
        headers.put(IdentityHeaders.SIGNATURE, signature);
        return headers;
    }
}
