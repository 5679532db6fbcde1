package id.go.bangka.inovasi.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.catalog.ops.IntakeStub;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Exports under load, on a catalogue with two request threads and room for two exports at a time, whose deadline has
 * always passed when the first row is written. Two exports stuck in writing (slow readers; here a cursor the test
 * holds) hold no request thread, so other requests are still served; one export more is a 429; and an export cut off
 * at its deadline fails on the client's side instead of arriving as a short file. (Written on the request thread, as
 * exports were before, the two stuck exports would take both request threads and the search would time out.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=2",
    "inovasi.catalog.export.max-concurrent=2", "inovasi.catalog.export.deadline=0s"})
class ExportLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final CountDownLatch CURSOR = new CountDownLatch(1);
    /** Whether the export is told the search index is still being rebuilt. */
    private static final AtomicBoolean REBUILDING = new AtomicBoolean();
    private static final IntakeStub REGISTRY =
            new IntakeStub("[{\"code\":\"DINKES\",\"name\":\"Dinas Kesehatan\"}]");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
        registry.add("spring.mongodb.database", () -> "export-limits-" + UUID.randomUUID());
        registry.add("inovasi.catalog.intake-uri", REGISTRY::uri);
    }

    /** Rows that come only once the test releases the cursor: an export stuck in the middle of writing. */
    @TestConfiguration
    static class StuckCursor {

        @Bean
        @Primary
        PublishedInnovations stuckInnovations(InnovationStore store, SearchIndex index) {
            return new PublishedInnovations(store, index) {
                @Override
                public boolean listable() {
                    return !REBUILDING.get() && super.listable();
                }

                @Override
                public Stream<ExportRow> rows(CatalogFilter filter, CatalogSort sort, OpdNames opds) {
                    List<ExportRow> one = List.of(row());
                    return StreamSupport.stream(new Spliterators.AbstractSpliterator<ExportRow>(1, 0) {
                        private boolean given;

                        @Override
                        public boolean tryAdvance(java.util.function.Consumer<? super ExportRow> action) {
                            if (given) {
                                return false;
                            }
                            awaitRelease();
                            given = true;
                            action.accept(one.get(0));
                            return true;
                        }
                    }, false);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SearchIndex index;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void stuckExportsHoldOnlyTheirSlotsAndAreCutOffVisiblyAtTheirDeadline() throws Exception {
        await("the search index rebuilt, so that exports list rows").atMost(WAIT).until(index::rebuilt);
        CompletableFuture<HttpResponse<byte[]>> first = startExport();
        CompletableFuture<HttpResponse<byte[]>> second = startExport();

        HttpResponse<String> search = http.send(request("/api/v1/innovations"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).as("both request threads are free while two exports are stuck")
                .isEqualTo(200);

        HttpResponse<String> third = http.send(export(), HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).as("one export more than the slots").isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("30");
        assertThat(third.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(third.body()).contains("\"status\":429");

        CURSOR.countDown();
        for (CompletableFuture<HttpResponse<byte[]>> cutOff : List.of(first, second)) {
            assertThat(cutOff).as("a download cut off at its deadline fails, it does not look complete")
                    .failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IOException.class);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(startExport()).as("the slots are free again")
                .isNotNull());
    }

    @Test
    void anExportWhileTheSearchIndexIsRebuildingIsRefusedWithRetryAfterNotAnEmptyFile() throws Exception {
        REBUILDING.set(true);
        try {
            HttpResponse<String> refused = http.send(export(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains("Search index rebuilding");
        } finally {
            REBUILDING.set(false);
        }
    }

    /** Starts an export and returns once its headers said 200; the body is still to come. */
    private CompletableFuture<HttpResponse<byte[]>> startExport() throws Exception {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> download = http.sendAsync(export(), info -> {
            status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.ofByteArray();
        });
        assertThat(status.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the export's headers").isEqualTo(200);
        return download;
    }

    private HttpRequest export() {
        return request("/api/v1/innovations/export?format=csv");
    }

    private HttpRequest request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(WAIT);
        TestIdentities.addTo(request, TestIdentities.anonymous(), "catalog-service");
        return request.build();
    }

    private static void awaitRelease() {
        try {
            if (!CURSOR.await(WAIT.toSeconds() * 3, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the cursor");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ExportRow row() {
        return new ExportRow(new InnovationView(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED,
                "Posyandu Remaja Sehat", "DINKES", null, null, null, null, null, List.of(), null, null, null, null,
                2024, null, null, null, null, null, null, null, null, null), null, "Dinas Kesehatan");
    }
}
