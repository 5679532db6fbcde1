package id.go.bangka.inovasi.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Which service answers the gateway keeps a copy of, and for how long. */
class PublicAnswerKeepRulesTest {

    private static final PublicAnswerCacheProperties PROPERTIES = new PublicAnswerCacheProperties(true,
            Duration.ofSeconds(5), 100, DataSize.ofMegabytes(1), DataSize.ofKilobytes(256));
    private final PublicAnswerCacheFilter filter = new PublicAnswerCacheFilter(
            new PublicAnswerCache(PROPERTIES, Clock.systemUTC()), PROPERTIES, Clock.systemUTC(),
            new SimpleMeterRegistry());

    @Test
    void aPublicAnswerIsKeptForItsMaxAgeCappedByTheGatewaysOwn() {
        assertThat(keep(Map.of("Cache-Control", "public, max-age=3, stale-while-revalidate=30")))
                .hasValue(Duration.ofSeconds(3));
        assertThat(keep(Map.of("Cache-Control", "public, max-age=60", "Vary", "Authorization, X-Api-Key")))
                .hasValue(Duration.ofSeconds(5));
        assertThat(keep(Map.of("Cache-Control", "public, max-age=60, s-maxage=2"))).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void anAnswerNotMarkedPublicWithAFreshnessIsNotKept() {
        assertThat(keep(Map.of())).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "max-age=60"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=0"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=soon"))).isEmpty();
    }

    @Test
    void anAnswerThatForbidsOrDependsOnWhatTheKeyDoesNotHoldIsNotKept() {
        assertThat(keep(Map.of("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5, private"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, no-store, max-age=5"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5", "Set-Cookie", "s=1"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5", "Vary", "Accept-Language"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5", "Vary", "*"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5", "Content-Encoding", "gzip"))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5, private=\"Set-Cookie\""))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5, no-cache=\"Set-Cookie\""))).isEmpty();
        assertThat(keep(Map.of("Cache-Control", "public, max-age=5, s-maxage=soon"))).as("an unreadable s-maxage")
                .isEmpty();
    }

    @Test
    void theVaryOfACopyIsMergedWithTheExchangesNameByName() {
        assertThat(PublicAnswerCacheFilter.vary(List.of("Origin", "access-control-request-method"),
                List.of("Authorization, X-Api-Key", "origin, Access-Control-Request-Method")))
                .isEqualTo("Origin, access-control-request-method, Authorization, X-Api-Key");
    }

    @Test
    void onlyA200IsKept() {
        HttpHeaders headers = headers(Map.of("Cache-Control", "public, max-age=5"));
        assertThat(filter.keepable(HttpStatus.NOT_FOUND, headers)).isEmpty();
        assertThat(filter.keepable(HttpStatus.SERVICE_UNAVAILABLE, headers)).isEmpty();
        assertThat(filter.keepable(null, headers)).isEmpty();
    }

    private Optional<Duration> keep(Map<String, String> answer) {
        return filter.keepable(HttpStatus.OK, headers(answer));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        HttpHeaders headers = new HttpHeaders();
        values.forEach(headers::add);
        return headers;
    }
}
