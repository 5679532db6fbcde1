package id.go.bangka.inovasi.platform.identity;

import java.util.List;

/** HTTP headers that carry the verified caller identity from the gateway to the services. */
public final class IdentityHeaders {

    public static final String CLIENT_ID = "X-Inovasi-Client-Id";
    public static final String ROLES = "X-Inovasi-Roles";
    public static final String OPD_CODES = "X-Inovasi-Opd-Codes";
    public static final String TIMESTAMP = "X-Inovasi-Identity-Time";
    public static final String SIGNATURE = "X-Inovasi-Identity-Signature";
    public static final String REQUEST_ID = "X-Request-Id";

    /** Headers the gateway strips from every incoming request before it adds its own. */
    public static final List<String> ALL = List.of(CLIENT_ID, ROLES, OPD_CODES, TIMESTAMP, SIGNATURE);

    private IdentityHeaders() {
    }
}
