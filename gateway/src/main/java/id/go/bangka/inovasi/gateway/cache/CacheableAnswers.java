package id.go.bangka.inovasi.gateway.cache;

import id.go.bangka.inovasi.gateway.ratelimit.RateLimitFilter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * What the gateway may keep of a service's answer, and for how long: a 200 marked {@code Cache-Control: public} with
 * a {@code max-age}, with no {@code private}, {@code no-store} or {@code no-cache} (with or without field names), no
 * cookie, no content coding and no {@code Vary} beyond the credentials, {@code Accept} and CORS headers; and which of
 * its headers belong to the answer rather than to one exchange. Also when a request is a reload.
 */
final class CacheableAnswers {

    /** Headers of one exchange, never kept with a copy: the gateway sets its own for each answer. */
    static final Set<String> EXCHANGE_HEADERS = Set.of("x-request-id", "date", "content-length", "transfer-encoding",
            "connection", "keep-alive", "set-cookie", "age", "traceparent", "tracestate",
            RateLimitFilter.LIMIT.toLowerCase(Locale.ROOT), RateLimitFilter.REMAINING.toLowerCase(Locale.ROOT),
            RateLimitFilter.RESET.toLowerCase(Locale.ROOT), "access-control-allow-origin",
            "access-control-allow-credentials", "access-control-expose-headers");

    /** The request headers an answer kept here may vary on: the key holds Accept; the rest are equal for every read. */
    static final Set<String> VARY_ALLOWED = Set.of("authorization", "x-api-key", "accept", "accept-encoding",
            "origin", "access-control-request-method", "access-control-request-headers");

    private CacheableAnswers() {
    }

    /** A reload asks the service again and renews the copy: {@code no-cache}, {@code max-age=0}, or Pragma. */
    static boolean reload(HttpHeaders request) {
        Set<String> directives = tokens(request.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        return directives.contains("no-cache") || directives.contains("max-age=0")
                || tokens(request.getOrEmpty(HttpHeaders.PRAGMA)).contains("no-cache");
    }

    /** How long an answer with these headers may be kept (at most {@code cap}), or empty when it must not be. */
    static Optional<Duration> freshness(HttpStatus status, HttpHeaders headers, Duration cap) {
        if (status != HttpStatus.OK || headers.containsHeader(HttpHeaders.SET_COOKIE)) {
            return Optional.empty();
        }
        String coding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.equalsIgnoreCase("identity")) {
            return Optional.empty();
        }
        Set<String> vary = tokens(headers.getOrEmpty(HttpHeaders.VARY));
        if (!VARY_ALLOWED.containsAll(vary)) {
            return Optional.empty();
        }
        Set<String> directives = tokens(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        Set<String> names = names(directives);
        if (!names.contains("public") || names.contains("private") || names.contains("no-store")
                || names.contains("no-cache")) {
            return Optional.empty();
        }
        Optional<Duration> maxAge = seconds(directives, names.contains("s-maxage") ? "s-maxage=" : "max-age=");
        return maxAge.filter(age -> !age.isZero() && !age.isNegative())
                .map(age -> age.compareTo(cap) < 0 ? age : cap);
    }

    /** The value of the directive with this prefix in seconds; empty when absent or not a number (never kept). */
    private static Optional<Duration> seconds(Set<String> directives, String prefix) {
        for (String directive : directives) {
            if (directive.startsWith(prefix)) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(directive.substring(prefix.length())
                            .replace("\"", ""))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The names of Cache-Control directives (without their values, such as {@code private="Set-Cookie"}). */
    static Set<String> names(Set<String> directives) {
        Set<String> names = new LinkedHashSet<>();
        directives.forEach(token -> names.add(token.contains("=") ? token.substring(0, token.indexOf('='))
                : token));
        return names;
    }

    /** The header names of both Vary values, each once (compared without case), in a single value. */
    static String vary(List<String> exchange, List<String> copy) {
        Map<String, String> names = new LinkedHashMap<>();
        for (List<String> values : List.of(exchange, copy)) {
            for (String value : values) {
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        names.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip());
                    }
                }
            }
        }
        return String.join(", ", names.values());
    }

    /** The comma-separated tokens of header values (directives, Vary names): lower case, no spaces. */
    static Set<String> tokens(List<String> values) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                String trimmed = token.strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (!trimmed.isEmpty()) {
                    tokens.add(trimmed);
                }
            }
        }
        return tokens;
    }

    /** The service's headers of an answer, without those of the exchange, read-only. */
    static HttpHeaders serviceHeaders(HttpHeaders answer) {
        HttpHeaders kept = new HttpHeaders();
        answer.forEach((name, values) -> {
            if (!EXCHANGE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, List.copyOf(values));
            }
        });
        return HttpHeaders.readOnlyHttpHeaders(kept);
    }
}
