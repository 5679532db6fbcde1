package id.go.bangka.inovasi.gateway.caller;

import id.go.bangka.inovasi.platform.identity.Roles;
import java.util.Set;

/**
 * The roles a gateway client may have: the platform's roles, {@code public} (a known reader of public data) and
 * {@code metrics} (a metrics scraper).
 */
public final class GatewayRoles {

    public static final String PORTAL = Roles.PORTAL;
    public static final String REVIEWER = Roles.REVIEWER;
    public static final String OPS = Roles.OPS;
    /** A known client that only reads what the anonymous public may read, with its own rate limit. */
    public static final String PUBLIC = "public";
    /** A metrics scraper (Prometheus): reads {@code /actuator/prometheus} and health, nothing else. */
    public static final String METRICS = "metrics";

    /** Every role a client may be given. */
    public static final Set<String> ALL = Set.of(PORTAL, REVIEWER, OPS, PUBLIC, METRICS);

    private GatewayRoles() {
    }
}
