package id.go.bangka.inovasi.gateway.balancing;

import id.go.bangka.inovasi.gateway.balancing.BackendServices.BackendService;
import java.net.URI;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Asks one replica whether it is ready: {@code GET <scheme>://<host>:<health-port or its port><health-path>}, ready
 * when the answer is 2xx (a Spring Boot readiness group answers 503 while DOWN or OUT_OF_SERVICE).
 */
final class ReadinessProbe {

    private final BackendService service;
    private final WebClient web;

    ReadinessProbe(BackendService service, WebClient web) {
        this.service = service;
        this.web = web;
    }

    Mono<Boolean> isReady(ServiceInstance replica) {
        return web.get().uri(uri(replica)).retrieve().toBodilessEntity()
                .map(answer -> answer.getStatusCode().is2xxSuccessful())
                .onErrorReturn(WebClientResponseException.class, false);
    }

    URI uri(ServiceInstance replica) {
        return UriComponentsBuilder.newInstance().scheme(replica.isSecure() ? "https" : "http")
                .host(replica.getHost())
                .port(service.healthPort() == null ? replica.getPort() : service.healthPort())
                .path(service.healthPath()).build().toUri();
    }
}
