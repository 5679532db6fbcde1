package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.caller.CallerAuthentication;
import id.go.bangka.inovasi.gateway.caller.GatewayRoles;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Which caller may use which route. Anonymous callers may only read public data (the published catalogue, public
 * numbers, reference lists, API documents, the web pages); every other request needs credentials (401) and the right role (403).
 * A client whose only role is {@code metrics} reads {@code /actuator/prometheus} and health and gets 403 everywhere
 * else, public reads included. The services check again, including OPD ownership of the data itself.
 */
final class AccessRules {

    /** Reads open to everyone, the anonymous public included. */
    static final String[] PUBLIC_READS = {"/api/v1/innovations", "/api/v1/innovations/*",
        "/api/v1/innovations/*/similar", "/api/v1/stats",
        "/api/v1/stats/**", "/api/v1/opds", "/api/v1/opds/**", "/api/v1/reference", "/api/v1/reference/**"};
    /**
     * The web pages (module {@code web}), an innovation's shared address included: public; their reviewer console
     * calls the API with the reviewer's key.
     */
    static final String[] WEB_PAGES = {"/", "/index.html", "/favicon.svg", "/assets/**", "/inovasi/*"};
    /** The OpenAPI documents and Swagger UI, the AsyncAPI document and the events' JSON Schemas. */
    static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
        "/webjars/**", "/asyncapi/**", "/schemas/**"};

    /** A portal may write only when it may act for at least one OPD. */
    private static final ReactiveAuthorizationManager<AuthorizationContext> PORTAL_WITH_OPD =
            (authentication, context) -> authentication
                    .map(a -> a instanceof CallerAuthentication caller && caller.isAuthenticated()
                            && caller.caller().hasRole(GatewayRoles.PORTAL) && !caller.caller().opdCodes().isEmpty())
                    .defaultIfEmpty(false)
                    .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
    /** Everyone, the anonymous public included, except a client that may read metrics only. */
    private static final ReactiveAuthorizationManager<AuthorizationContext> ANYONE_BUT_METRICS_ONLY =
            (authentication, context) -> authentication
                    .map(a -> !isMetricsOnly(a))
                    .defaultIfEmpty(true)
                    .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
    /** Any authenticated caller except a client that may read metrics only. */
    private static final ReactiveAuthorizationManager<AuthorizationContext> KNOWN_BUT_METRICS_ONLY =
            (authentication, context) -> authentication
                    .map(a -> a instanceof CallerAuthentication caller && caller.isAuthenticated()
                            && !isMetricsOnly(caller))
                    .defaultIfEmpty(false)
                    .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));

    private AccessRules() {
    }

    static void apply(AuthorizeExchangeSpec rules) {
        rules.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .pathMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(GatewayRoles.OPS, GatewayRoles.METRICS)
                .pathMatchers("/actuator/**").hasRole(GatewayRoles.OPS)
                .pathMatchers("/fallback/**").denyAll()
                // The public reads first, the most frequent requests: no rule below matches a GET or HEAD of theirs.
                .pathMatchers(HttpMethod.GET, PUBLIC_READS).access(ANYONE_BUT_METRICS_ONLY)
                .pathMatchers(HttpMethod.HEAD, PUBLIC_READS).access(ANYONE_BUT_METRICS_ONLY)
                .pathMatchers(HttpMethod.GET, DOCS).access(ANYONE_BUT_METRICS_ONLY)
                .pathMatchers(HttpMethod.GET, WEB_PAGES).access(ANYONE_BUT_METRICS_ONLY)
                .pathMatchers(HttpMethod.HEAD, WEB_PAGES).access(ANYONE_BUT_METRICS_ONLY)
                .pathMatchers(HttpMethod.POST, "/api/v1/submissions").access(PORTAL_WITH_OPD)
                .pathMatchers(HttpMethod.GET, "/api/v1/submissions/*")
                .hasAnyRole(GatewayRoles.PORTAL, GatewayRoles.REVIEWER, GatewayRoles.OPS)
                .pathMatchers(HttpMethod.PUT, "/api/v1/innovations/*").access(PORTAL_WITH_OPD)
                .pathMatchers(HttpMethod.POST, "/api/v1/innovations/*/withdrawal").access(PORTAL_WITH_OPD)
                .pathMatchers(HttpMethod.PUT, "/api/v1/innovations/*/evidence/*").access(PORTAL_WITH_OPD)
                .pathMatchers(HttpMethod.POST, "/api/v1/innovations/*/evidence/*/files").access(PORTAL_WITH_OPD)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/innovations/*/evidence/*/files/*").access(PORTAL_WITH_OPD)
                .pathMatchers(HttpMethod.POST, "/api/v1/innovations/*/evidence/*/verification")
                .hasRole(GatewayRoles.REVIEWER)
                .pathMatchers(HttpMethod.POST, "/api/v1/innovations/*/review").hasRole(GatewayRoles.REVIEWER)
                .pathMatchers("/api/v1/review/iid/spd/*").hasAnyRole(GatewayRoles.REVIEWER, GatewayRoles.OPS)
                .pathMatchers("/api/v1/review", "/api/v1/review/**").hasRole(GatewayRoles.REVIEWER)
                .pathMatchers("/api/v1/ops", "/api/v1/ops/**").hasRole(GatewayRoles.OPS)
                .pathMatchers(HttpMethod.GET, "/api/v1/session/config").access(ANYONE_BUT_METRICS_ONLY)
                .anyExchange().access(KNOWN_BUT_METRICS_ONLY);
    }

    /** A client whose only role is {@code metrics}: it may read metrics and health, and nothing else. */
    private static boolean isMetricsOnly(Authentication authentication) {
        return authentication instanceof CallerAuthentication caller
                && caller.caller().roles().equals(Set.of(GatewayRoles.METRICS));
    }
}
