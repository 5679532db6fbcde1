package id.go.bangka.inovasi.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Which service answers the gateway keeps a copy of, and for how long. */
class CacheableAnswersTest {

    private static final Duration CAP = Duration.ofSeconds(5);

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
        assertThat(CacheableAnswers.vary(List.of("Origin", "access-control-request-method"),
                List.of("Authorization, X-Api-Key", "origin, Access-Control-Request-Method")))
                .isEqualTo("Origin, access-control-request-method, Authorization, X-Api-Key");
    }

    @Test
    void onlyA200IsKept() {
        HttpHeaders headers = headers(Map.of("Cache-Control", "public, max-age=5"));
        assertThat(CacheableAnswers.freshness(HttpStatus.NOT_FOUND, headers, CAP)).isEmpty();
        assertThat(CacheableAnswers.freshness(HttpStatus.SERVICE_UNAVAILABLE, headers, CAP)).isEmpty();
        assertThat(CacheableAnswers.freshness(null, headers, CAP)).isEmpty();
    }

    private Optional<Duration> keep(Map<String, String> answer) {
        return CacheableAnswers.freshness(HttpStatus.OK, headers(answer), CAP);
    }

    private static HttpHeaders headers(Map<String, String> values) {
        HttpHeaders headers = new HttpHeaders();
        values.forEach(headers::add);
        return headers;
    }
}
