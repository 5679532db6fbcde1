package id.go.bangka.inovasi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.VerifiedIdentityFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Anonymous public reads get Cache-Control, Vary, an ETag and 304; everything else passes untouched. */
class PublicReadCacheFilterTest {

    private static final String BODY = "{\"total\":2}";

    private final PublicReadCacheFilter filter = new PublicReadCacheFilter(new HttpProperties.PublicCache(
            List.of("/api/v1/stats/overview", "/api/v1/innovations/{id:[0-9a-f-]{36}}"), Duration.ofSeconds(5),
            Duration.ofSeconds(30)));

    @Test
    void anAnonymousReadIsPublicWithAnEtagAndAMatchingRevalidationGets304() throws Exception {
        MockHttpServletResponse first = read("/api/v1/stats/overview", CallerIdentity.anonymous("r1"), null, null);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("Cache-Control")).isEqualTo("public, max-age=5, stale-while-revalidate=30");
        assertThat(first.getHeaders("Vary")).contains("Authorization, X-Api-Key");
        assertThat(first.getContentAsString()).isEqualTo(BODY);
        String etag = first.getHeader("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"").hasSizeGreaterThan(10);

        MockHttpServletResponse again = read("/api/v1/stats/overview", CallerIdentity.anonymous("r2"), etag, null);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader("Cache-Control")).isEqualTo("public, max-age=5, stale-while-revalidate=30");

        MockHttpServletResponse changed = read("/api/v1/stats/overview", CallerIdentity.anonymous("r3"), "\"other\"",
                null);
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString()).isEqualTo(BODY);
    }

    @Test
    void theControllersOwnEtagIsKept() throws Exception {
        String path = "/api/v1/innovations/0b5e8a3c-6f0e-4d8e-9d7c-3f1a2b4c5d6e";
        MockHttpServletResponse page = read(path, CallerIdentity.anonymous("r1"), null, "\"3\"");
        assertThat(page.getHeader("ETag")).isEqualTo("\"3\"");
        assertThat(read(path, CallerIdentity.anonymous("r2"), "\"3\"", "\"3\"").getStatus()).isEqualTo(304);
    }

    @Test
    void authenticatedCallersOtherPathsAndFailuresAreNotMadeCacheable() throws Exception {
        CallerIdentity reviewer = new CallerIdentity("console", Set.of("reviewer"), Set.of("*"), "r1");
        MockHttpServletResponse signedIn = read("/api/v1/stats/overview", reviewer, null, null);
        assertThat(signedIn.getHeader("Cache-Control")).isNull();
        assertThat(signedIn.getHeader("ETag")).isNull();

        MockHttpServletResponse export = read("/api/v1/innovations/export", CallerIdentity.anonymous("r2"), null,
                null);
        assertThat(export.getHeader("Cache-Control")).isNull();
        assertThat(export.getHeader("ETag")).isNull();

        MockHttpServletRequest request = request("/api/v1/stats/overview", CallerIdentity.anonymous("r3"), null);
        MockHttpServletResponse missing = new MockHttpServletResponse();
        filter.doFilter(request, missing, (req, res) -> ((HttpServletResponse) res).setStatus(404));
        assertThat(missing.getHeader("Cache-Control")).isNull();
    }

    private MockHttpServletResponse read(String path, CallerIdentity caller, String ifNoneMatch, String etag)
            throws Exception {
        MockHttpServletRequest request = request(path, caller, ifNoneMatch);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setStatus(200);
            if (etag != null) {
                answer.setHeader("ETag", etag);
            }
            answer.setContentType("application/json");
            answer.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }

    private static MockHttpServletRequest request(String path, CallerIdentity caller, String ifNoneMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setAttribute(VerifiedIdentityFilter.ATTRIBUTE, caller);
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        return request;
    }
}
