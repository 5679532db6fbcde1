package id.go.bangka.inovasi.gateway.balancing;

import id.go.bangka.inovasi.gateway.balancing.BackendServices.BackendService;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Asks one replica whether it is ready: {@code GET <scheme>://<host>:<health-port or its port><health-path>}, ready
 * when the answer is 2xx (a Spring Boot readiness group answers 503 while DOWN or OUT_OF_SERVICE). A refused connection
 * or any other answer is not ready at once. A probe that times out (a busy replica, a busy gateway) keeps the replica's
 * last state for up to {@link #TOLERATED_TIMEOUTS} checks in a row, so a ready replica is not dropped for one slow
 * answer, while one that stops answering is dropped within a few intervals.
 */
final class ReadinessProbe {

    static final int TOLERATED_TIMEOUTS = 2;

    private final BackendService service;
    private final WebClient web;
    private final Duration timeout;
    private final Map<String, Boolean> lastReady = new ConcurrentHashMap<>();
    private final Map<String, Integer> timeoutsInARow = new ConcurrentHashMap<>();

    /**
     * @param timeout how long one probe may take; below the health-check interval, which bounds a check as a whole
     */
    ReadinessProbe(BackendService service, WebClient web, Duration timeout) {
        this.service = service;
        this.web = web;
        this.timeout = timeout;
    }

    Mono<Boolean> isReady(ServiceInstance replica) {
        String id = replica.getInstanceId();
        return web.get().uri(uri(replica)).retrieve().toBodilessEntity()
                .map(answer -> answer.getStatusCode().is2xxSuccessful())
                .timeout(timeout)
                .onErrorResume(error -> !(error instanceof TimeoutException), notReady -> Mono.just(false))
                .doOnNext(ready -> {
                    lastReady.put(id, ready);
                    timeoutsInARow.remove(id);
                })
                .onErrorResume(TimeoutException.class, slow -> Mono.just(
                        timeoutsInARow.merge(id, 1, Integer::sum) <= TOLERATED_TIMEOUTS
                                && lastReady.getOrDefault(id, false)));
    }

    URI uri(ServiceInstance replica) {
        return UriComponentsBuilder.newInstance().scheme(replica.isSecure() ? "https" : "http")
                .host(replica.getHost())
                .port(service.healthPort() == null ? replica.getPort() : service.healthPort())
                .path(service.healthPath()).build().toUri();
    }
}
