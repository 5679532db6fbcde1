package id.go.bangka.inovasi.platform.http;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.VerifiedIdentityFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Makes anonymous public reads cacheable: a GET or HEAD on one of the configured paths by an anonymous caller that
 * answers 200 gets {@code Cache-Control: public, max-age=..., stale-while-revalidate=...}, {@code Vary} on the
 * credentials headers, and an {@code ETag} (the controller's own, such as an innovation's version, or a hash of the
 * body); a request whose {@code If-None-Match} matches gets 304 without a body. Authenticated callers, other methods and
 * other paths pass untouched, so a reviewer's or portal's view is never stored by a shared cache.
 */
public class PublicReadCacheFilter extends ShallowEtagHeaderFilter {

    /** The request headers that carry credentials: a stored public answer must not serve a caller who sends them. */
    static final String VARY = "Authorization, X-Api-Key";

    private final List<String> paths;
    private final String cacheControl;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public PublicReadCacheFilter(HttpProperties.PublicCache settings) {
        this.paths = List.copyOf(settings.paths());
        this.cacheControl = "public, max-age=" + settings.maxAge().toSeconds() + ", stale-while-revalidate="
                + settings.staleWhileRevalidate().toSeconds();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        super.doFilterInternal(request, response, (req, res) -> {
            chain.doFilter(req, res);
            HttpServletResponse answer = (HttpServletResponse) res;
            if (answer.getStatus() == HttpServletResponse.SC_OK && !answer.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                answer.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
                answer.addHeader(HttpHeaders.VARY, VARY);
            }
        });
    }

    private boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        if (!(request.getAttribute(VerifiedIdentityFilter.ATTRIBUTE) instanceof CallerIdentity caller)
                || !caller.isAnonymous()) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().anyMatch(pattern -> matcher.match(pattern, path));
    }
}
