package id.go.bangka.inovasi.platform.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * An identity with its timestamp and HMAC signature, as carried in {@link IdentityHeaders}.
 *
 * @param identity      the caller
 * @param epochSeconds  when the gateway signed it
 * @param signature     base64url HMAC-SHA256 over {@link #canonical(CallerIdentity, long)}
 */
public record SignedIdentity(CallerIdentity identity, long epochSeconds, String signature) {

    /** The exact string that is signed: every identity field, sorted sets, one per line. */
    static String canonical(CallerIdentity identity, long epochSeconds) {
        return String.join("\n",
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
        headers.put(IdentityHeaders.TIMESTAMP, Long.toString(epochSeconds));
        headers.put(IdentityHeaders.SIGNATURE, signature);
        return headers;
    }
}
