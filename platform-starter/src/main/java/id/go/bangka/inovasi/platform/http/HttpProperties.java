package id.go.bangka.inovasi.platform.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits and caching of every service.
 *
 * @param maxBodySize   largest request body accepted on {@code /api/**} (default 256KB); larger ones get 413
 * @param maxUploadSize largest multipart (file upload) body (default 11MB: a 10 MiB file and its envelope)
 * @param publicCache   which anonymous reads browsers and shared caches may keep, and for how long
 */
@ConfigurationProperties("inovasi.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("11MB") DataSize maxUploadSize, @DefaultValue PublicCache publicCache) {

    /**
     * Anonymous public reads that may be cached ({@link PublicReadCacheFilter}).
     *
     * @param paths                Ant patterns of the GET paths, such as {@code /api/v1/stats/overview}; none by default.
     *                             Never a streaming path (the filter buffers the body to hash it)
     * @param maxAge               how long an answer is fresh (default 5s)
     * @param staleWhileRevalidate how long after that a cache may answer with it while it asks again (default 30s)
     */
    public record PublicCache(@DefaultValue List<String> paths, @DefaultValue("5s") Duration maxAge,
            @DefaultValue("30s") Duration staleWhileRevalidate) {
    }
}
