package id.go.bangka.inovasi.gateway.web;

import id.go.bangka.inovasi.gateway.session.WebSignInProperties;
import java.util.regex.Matcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends {@code Content-Security-Policy} with every answer ({@code inovasi.gateway.web.content-security-policy}): by
 * default scripts, styles, images, fonts and connections only from the page's own origin, no inline script or style
 * attribute, no plugins, no framing, forms only to the origin. A script injected into a page (say through a text an
 * innovation carries) can then neither run inline nor send the reviewer's key kept in sessionStorage elsewhere.
 * Swagger UI ({@code /swagger-ui/**}) gets {@code inovasi.gateway.web.docs-content-security-policy}, which also allows
 * the inline styles its renderer applies; its scripts still come from the origin only. With OIDC sign-in in the pages
 * ({@link WebSignInProperties}) the issuer's origin is added to {@code connect-src}: the pages read its discovery
 * document and exchange the authorization code at its token endpoint.
 */
@Component
public class ContentSecurityPolicyFilter implements WebFilter, Ordered {

    public static final String HEADER = "Content-Security-Policy";

    private final String policy;
    private final String docsPolicy;

    public ContentSecurityPolicyFilter(@Value("${inovasi.gateway.web.content-security-policy}") String policy,
            @Value("${inovasi.gateway.web.docs-content-security-policy}") String docsPolicy,
            WebSignInProperties signIn,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        this.policy = signIn.connectOrigin(issuer).map(origin -> withConnectSource(policy, origin)).orElse(policy);
        this.docsPolicy = docsPolicy;
    }

    /** The policy with one more source in its {@code connect-src} directive. */
    static String withConnectSource(String policy, String origin) {
        return policy.replaceFirst("(connect-src\\b[^;]*)", "$1 " + Matcher.quoteReplacement(origin));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean docs = exchange.getRequest().getPath().value().startsWith("/swagger-ui");
        exchange.getResponse().getHeaders().set(HEADER, docs ? docsPolicy : policy);
        return chain.filter(exchange);
    }
}
