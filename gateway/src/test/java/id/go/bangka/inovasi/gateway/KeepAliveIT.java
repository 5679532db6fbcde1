package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive HTTP/1.1 connection answers every request in turn, also right after the gateway answered one at once
 * (a 401 from security, a 404), which Reactor Netty 1.3.6 left unread until the client gave up
 * ({@code KeepAliveReadResumer}). Before the fix about 1 request in 40 of these rounds stalled.
 */
class KeepAliveIT extends GatewayTestBase {

    private static final int ROUNDS = 40;
    /** Far beyond any answer here; a stalled request never gets one. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** A request, its key (or none) and the status it must get. */
    private record Step(String path, String key, int status) {
    }

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnsweredAfterImmediateAnswersToo() throws Exception {
        List<Step> round = List.of(
                new Step("/actuator/health", null, 200),
                new Step("/actuator/metrics", null, 401),
                new Step("/actuator/metrics", REVIEWER_KEY, 403),
                new Step("/actuator/metrics", OPS_KEY, 200),
                new Step("/actuator/prometheus", METRICS_KEY, 200),
                new Step("/no-such-page", null, 401),
                new Step("/v3/api-docs/none", null, 404),
                new Step("/swagger-ui/index.html", null, 200),
                new Step("/api/v1/reference", null, 200),
                new Step("/", null, 200));
        List<String> stalled = new ArrayList<>();
        int answered = 0;
        for (int r = 0; r < ROUNDS; r++) {
            HttpClient connection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String previous = "a new connection";
            for (Step step : round) {
                try {
                    assertThat(send(connection, step).statusCode()).as(step.path()).isEqualTo(step.status());
                    answered++;
                } catch (HttpTimeoutException e) {
                    stalled.add("round " + r + ": " + step.path() + " after " + previous);
                    connection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                }
                previous = step.path();
            }
        }

        assertThat(stalled).isEmpty();
        assertThat(answered).isEqualTo(ROUNDS * round.size());
    }

    private HttpResponse<String> send(HttpClient connection, Step step) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + step.path()))
                .timeout(PATIENCE).GET();
        if (step.key() != null) {
            request.header("X-Api-Key", step.key());
        }
        return connection.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
