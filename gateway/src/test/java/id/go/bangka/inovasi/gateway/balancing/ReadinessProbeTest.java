package id.go.bangka.inovasi.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.balancing.BackendServices.BackendService;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class ReadinessProbeTest {

    private static final ServiceInstance REPLICA = new DefaultServiceInstance("stats-service@127.0.0.2:8083",
            "stats-service", "127.0.0.2", 8083, false);
    private static final BackendService SERVICE = new BackendService(List.of(), null, null, "http",
            "/actuator/health/readiness", null);

    private final List<URI> asked = new ArrayList<>();
    private final List<Mono<ClientResponse>> answers = new ArrayList<>();
    private final ReadinessProbe probe = new ReadinessProbe(SERVICE, WebClient.builder().exchangeFunction(request -> {
        asked.add(request.url());
        return answers.remove(0);
    }).build(), Duration.ofSeconds(1));

    @Test
    void readyOnlyWhileReadinessAnswers2xx() {
        answers.add(answer(HttpStatus.OK));
        answers.add(answer(HttpStatus.SERVICE_UNAVAILABLE));
        answers.add(Mono.error(new ConnectException("Connection refused")));

        assertThat(probe.isReady(REPLICA).block()).isTrue();
        assertThat(probe.isReady(REPLICA).block()).as("OUT_OF_SERVICE while rebuilding").isFalse();
        assertThat(probe.isReady(REPLICA).block()).as("killed").isFalse();
        assertThat(asked).containsOnly(URI.create("http://127.0.0.2:8083/actuator/health/readiness"));
    }

    @Test
    void aSlowAnswerKeepsTheLastStateForTwoChecksThenTheReplicaIsDropped() {
        answers.add(answer(HttpStatus.OK));
        for (int i = 0; i < 3; i++) {
            answers.add(Mono.never());
        }
        answers.add(answer(HttpStatus.OK));
        answers.add(Mono.never());

        assertThat(probe.isReady(REPLICA).block()).isTrue();
        assertThat(probe.isReady(REPLICA).block()).as("one slow answer").isTrue();
        assertThat(probe.isReady(REPLICA).block()).as("two in a row").isTrue();
        assertThat(probe.isReady(REPLICA).block()).as("three in a row: not answering").isFalse();
        assertThat(probe.isReady(REPLICA).block()).as("answers again").isTrue();
        assertThat(probe.isReady(REPLICA).block()).as("the count starts again").isTrue();
    }

    @Test
    void aReplicaNeverSeenReadyIsNotReadyWhenItsFirstAnswerIsSlow() {
        answers.add(Mono.never());

        assertThat(probe.isReady(REPLICA).block()).isFalse();
    }

    @Test
    void readinessIsAskedOnTheHealthPortAndPathWhenSet() {
        ReadinessProbe management = new ReadinessProbe(new BackendService(List.of(), null, null, "http", "/ready",
                9083), null, Duration.ofSeconds(1));

        assertThat(management.uri(REPLICA)).isEqualTo(URI.create("http://127.0.0.2:9083/ready"));
    }

    private static Mono<ClientResponse> answer(HttpStatus status) {
        return Mono.just(ClientResponse.create(status).build());
    }
}
