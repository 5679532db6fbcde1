package id.go.bangka.inovasi.platform.identity;

import java.util.List;

/** HTTP headers that carry the verified caller identity from the gateway (or a calling service) to a service. */
public final class IdentityHeaders {

    public static final String CLIENT_ID = "X-Inovasi-Client-Id";
    public static final String ROLES = "X-Inovasi-Roles";
    public static final String OPD_CODES = "X-Inovasi-Opd-Codes";
    /** Who signed: {@code gateway}, or the service that calls another one acting for its caller. */
    public static final String SIGNER = "X-Inovasi-Identity-Signer";
    public static final String TIMESTAMP = "X-Inovasi-Identity-Time";
    public static final String SIGNATURE = "X-Inovasi-Identity-Signature";
    public static final String REQUEST_ID = "X-Request-Id";

    /** Headers the gateway strips from every incoming request before it adds its own. */
    public static final List<String> ALL = List.of(CLIENT_ID, ROLES, OPD_CODES, SIGNER, TIMESTAMP, SIGNATURE);

    private IdentityHeaders() {
    }
}
