package id.go.bangka.inovasi.platform.identity;

import java.net.URI;

/**
 * The one request a signed identity is good for: the service it is sent to, the HTTP method, and the path with the
 * query exactly as the service receives them (undecoded). A signature over it cannot be replayed against another
 * service, method, path or query.
 *
 * @param service      the receiving service's {@code spring.application.name}, such as {@code catalog-service}
 * @param method       the HTTP method, upper case
 * @param pathAndQuery the raw path, followed by {@code ?} and the raw query when there is one
 */
public record RequestTarget(String service, String method, String pathAndQuery) {

    /** The target of a request given its raw (still percent-encoded) path and query; a null or empty query is none. */
    public static RequestTarget of(String service, String method, String rawPath, String rawQuery) {
        return new RequestTarget(service, method, pathAndQuery(rawPath, rawQuery));
    }

    /** The target of a request to {@code uri}: its raw path and query, as the service will receive them. */
    public static RequestTarget of(String service, String method, URI uri) {
        return of(service, method, uri.getRawPath(), uri.getRawQuery());
    }

    /** The raw path, followed by {@code ?} and the raw query unless it is null or empty. */
    public static String pathAndQuery(String rawPath, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
