package id.go.bangka.inovasi.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.session.WebSignInProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ContentSecurityPolicyFilterTest {

    private static final String STRICT = "default-src 'self'; style-src 'self'; connect-src 'self'";
    private static final String DOCS = "default-src 'self'; style-src 'self' 'unsafe-inline'";

    private final ContentSecurityPolicyFilter filter = new ContentSecurityPolicyFilter(STRICT, DOCS,
            new WebSignInProperties("", "openid"), "https://sso.bangka.go.id/realms/inovasi");

    @Test
    void pagesAndApiAnswersGetTheStrictPolicySwaggerUiItsOwn() {
        assertThat(policyFor("/")).isEqualTo(STRICT);
        assertThat(policyFor("/assets/index.js")).isEqualTo(STRICT);
        assertThat(policyFor("/api/v1/innovations")).isEqualTo(STRICT);
        assertThat(policyFor("/swagger-ui/index.html")).isEqualTo(DOCS);
    }

    @Test
    void withOidcSignInInThePagesTheIssuersOriginMayBeReachedByScripts() {
        var oidc = new ContentSecurityPolicyFilter(STRICT, DOCS, new WebSignInProperties("inovasi-web", "openid"),
                "https://sso.bangka.go.id:8443/realms/inovasi");
        assertThat(policyFor(oidc, "/")).isEqualTo(
                "default-src 'self'; style-src 'self'; connect-src 'self' https://sso.bangka.go.id:8443");
        assertThat(policyFor(oidc, "/swagger-ui/index.html")).isEqualTo(DOCS);
    }

    private String policyFor(String path) {
        return policyFor(filter, path);
    }

    private static String policyFor(ContentSecurityPolicyFilter filter, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        filter.filter(exchange, e -> Mono.empty()).block();
        return exchange.getResponse().getHeaders().getFirst(ContentSecurityPolicyFilter.HEADER);
    }
}
