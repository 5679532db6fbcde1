package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.Http.Reply;
import id.go.bangka.inovasi.gateway.support.StubBackend;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's copies of public answers: an anonymous read of an answer its service marked public is computed once
 * per freshness window; nothing a signed-in caller reads is kept or served from a copy. Each test reads its own
 * address, so copies other tests made do not count.
 */
class PublicAnswerCacheIT extends GatewayTestBase {

    private final String path = "/api/v1/innovations/large-" + UUID.randomUUID();

    @Test
    void aSecondAnonymousReadIsAnsweredFromTheGatewaysCopyWithItsAgeAndTheServicesHeaders() {
        Reply first = http.get(path, Map.of());
        Reply second = http.get(path, Map.of());

        assertThat(BACKEND.hits(path)).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).startsWith("{\"items\":[{\"title\":");
        assertThat(second.header("ETag")).isEqualTo(StubBackend.LARGE_ETAG);
        assertThat(second.all("Cache-Control")).containsExactly(StubBackend.LARGE_CACHE_CONTROL);
        assertThat(second.header("Content-Type")).startsWith("application/json");
        assertThat(second.header("Age")).matches("[0-5]");
        assertThat(second.header("X-Request-Id")).isNotNull().isNotEqualTo(first.header("X-Request-Id"));
        assertThat(first.header("Age")).isNull();
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304FromTheCopy() {
        http.get(path, Map.of());

        Reply unchanged = http.get(path, Map.of("If-None-Match", StubBackend.LARGE_ETAG));
        Reply changed = http.get(path, Map.of("If-None-Match", "\"large-0\""));

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(StubBackend.LARGE_ETAG);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(BACKEND.hits(path)).isEqualTo(1);
    }

    @Test
    void aSignedInCallerAlwaysReachesTheServiceAndItsAnswerIsNeverServedToTheAnonymous() {
        http.get(path, key(PORTAL_KEY));
        http.get(path, key(PORTAL_KEY));
        assertThat(BACKEND.hits(path)).as("a portal's reads are not kept").isEqualTo(2);
        assertThat(identityAtTheService("catalog-service").isAnonymous()).isFalse();

        http.get(path, Map.of());
        assertThat(BACKEND.hits(path)).as("the anonymous read is not answered with the portal's").isEqualTo(3);

        http.get(path, key(REVIEWER_KEY));
        assertThat(BACKEND.hits(path)).as("a reviewer is not answered with the anonymous copy").isEqualTo(4);
    }

    @Test
    void anAnswerThatForbidsStoringIsNeverKept() {
        String signedIn = "/api/v1/innovations/signed-in-" + UUID.randomUUID();

        Reply first = http.get(signedIn, Map.of());
        http.get(signedIn, Map.of());

        assertThat(first.header("Cache-Control")).contains("no-store");
        assertThat(BACKEND.hits(signedIn)).isEqualTo(2);
    }

    @Test
    void theQueryAndTheAcceptedTypesArePartOfWhatIsAsked() {
        http.get(path + "?page=1", Map.of());
        http.get(path + "?page=2", Map.of());
        http.get(path + "?page=1", Map.of("Accept", "text/csv"));
        http.get(path + "?page=1", Map.of());

        assertThat(BACKEND.hits(path)).isEqualTo(3);
    }

    @Test
    void aReloadAsksTheServiceAgainAndRenewsTheCopy() {
        http.get(path, Map.of());
        http.get(path, Map.of("Cache-Control", "no-cache"));
        http.get(path, Map.of("Cache-Control", "max-age=0"));
        http.get(path, Map.of("Pragma", "no-cache"));
        Reply copy = http.get(path, Map.of());

        assertThat(BACKEND.hits(path)).isEqualTo(4);
        assertThat(copy.header("Age")).isNotNull();
    }

    @Test
    void readsArrivingWhileTheFirstIsAnsweredWaitForItsAnswerInsteadOfCallingTheServiceAgain() {
        String slow = "/api/v1/opds/large-slow-" + UUID.randomUUID();
        List<Reply> answers = readAtOnce(slow, 5);

        assertThat(answers).extracting(Reply::status).containsOnly(200);
        assertThat(answers).extracting(Reply::body).containsOnly(answers.get(0).body());
        assertThat(BACKEND.hits(slow)).as("one call for five readers").isEqualTo(1);
        assertThat(answers.stream().filter(answer -> answer.header("Age") != null)).hasSize(4);
    }

    @Test
    void readsWaitOnlyUntilTheFirstAnswersHeadersShowThatNoCopyWillBeKept() {
        String trickle = "/api/v1/opds/trickle-" + UUID.randomUUID();
        List<Reply> answers = readAtOnce(trickle, 2);

        assertThat(answers).extracting(Reply::body).containsOnly("{\"part\":1}");
        assertThat(BACKEND.hits(trickle)).isEqualTo(2);
        assertThat(BACKEND.mostAtOnce(trickle)).as("the second read reached the service while the first answer's"
                + " body was still coming").isEqualTo(2);
    }

    @Test
    void aBearerTokenCallerIsNeverAnsweredFromACopy() {
        http.get(path, Map.of());
        Reply signedIn = http.get(path, bearer(token("oidc-reviewer", Map.of("roles", List.of("reviewer")))));

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Age")).isNull();
        assertThat(BACKEND.hits(path)).isEqualTo(2);
    }

    /** Anonymous reads of {@code path} sent at once, their answers in order. */
    private List<Reply> readAtOnce(String path, int readers) {
        List<CompletableFuture<Reply>> sent = IntStream.range(0, readers)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.get(path, Map.of()))).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
