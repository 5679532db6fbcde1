package id.go.bangka.inovasi.gateway.web;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Caching of the web pages the gateway serves (module {@code web}): a file whose name carries its content hash
 * (Vite's {@code /assets/<name>-<hash>.js|css}) is cached for a year as {@value #IMMUTABLE}, since a new build names
 * its files anew; the page itself ({@code /}, {@code /index.html}) and the other files at the root (the icon) are
 * {@value #REVALIDATE}, asked again with {@code If-Modified-Since} on each visit (a 304 while unchanged), so a new
 * build is seen at once. Without this, Spring Security's default sends {@code no-store} with every answer, and each
 * visit downloads every file again. Only successful answers are marked (a missing asset's 404 is not cached). API
 * answers keep what their service sent (its public reads' {@code Cache-Control}) or Spring Security's default.
 */
@Component
public class WebAssetCacheFilter implements WebFilter, Ordered {

    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    public static final String REVALIDATE = "no-cache";

    /** Vite's output names: {@code [name]-[hash].[ext]}, the hash eight characters of base64url. */
    private static final Pattern HASHED = Pattern.compile("/assets/[^/]+-[A-Za-z0-9_-]{8,}\\.[a-z0-9]+");
    private static final Pattern ROOT_FILE = Pattern.compile("/(index\\.html|[^/]+\\.(svg|ico|png|webmanifest))?");

    @Override
    public int getOrder() {
        // Before Spring Security's header writer, which leaves a Cache-Control already set alone.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String cacheControl = cacheControl(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value());
        if (cacheControl != null) {
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> {
                HttpStatusCode status = response.getStatusCode();
                if (status == null || status.is2xxSuccessful() || status.value() == 304) {
                    response.getHeaders().setCacheControl(cacheControl);
                    // server.compression may gzip it: a shared cache keeps one copy per encoding.
                    response.getHeaders().setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    /** The {@code Cache-Control} of a web file, or null for anything else. */
    static String cacheControl(HttpMethod method, String path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return null;
        }
        if (HASHED.matcher(path).matches()) {
            return IMMUTABLE;
        }
        return ROOT_FILE.matcher(path).matches() ? REVALIDATE : null;
    }
}
