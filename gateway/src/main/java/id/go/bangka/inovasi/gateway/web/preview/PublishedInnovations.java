package id.go.bangka.inovasi.gateway.web.preview;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads an innovation through the catalogue's public API ({@code GET /api/v1/innovations/{id}} of catalog-service,
 * balanced over its ready replicas), as the anonymous public: the gateway signs the request itself. Empty when the
 * innovation is not published, unknown, or the catalogue does not answer within
 * {@code inovasi.gateway.web.preview-timeout}: the page is then served without its preview.
 */
@Component
public class PublishedInnovations {

    /** catalog-service's {@code spring.application.name}: its lb:// host and the service the signature is for. */
    static final String CATALOG_SERVICE = "catalog-service";
    private static final Logger log = LoggerFactory.getLogger(PublishedInnovations.class);

    private final WebClient catalog;
    private final IdentitySigner signer;
    private final Duration timeout;

    public PublishedInnovations(ReactorLoadBalancerExchangeFilterFunction balanced, IdentitySigner signer,
            @Value("${inovasi.gateway.web.preview-timeout}") Duration timeout) {
        this.catalog = WebClient.builder().baseUrl("http://" + CATALOG_SERVICE).filter(balanced).build();
        this.signer = signer;
        this.timeout = timeout;
    }

    /** The preview of a PUBLISHED innovation, or empty. */
    public Mono<InnovationPreview> preview(UUID id, String requestId) {
        String path = "/api/v1/innovations/" + id;
        RequestTarget target = RequestTarget.of(CATALOG_SERVICE, HttpMethod.GET.name(), path, null);
        return catalog.get().uri(path)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> signer.sign(CallerIdentity.anonymous(requestId), target).toHeaders()
                        .forEach(headers::set))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout)
                .filter(innovation -> "PUBLISHED".equals(innovation.path("status").asString("")))
                .map(innovation -> InnovationPreview.of(innovation.path("title").asString(""),
                        text(innovation, "benefits"), text(innovation, "goals"), text(innovation, "design")))
                .onErrorResume(e -> {
                    log.debug("No preview of innovation {}: {}", id, e.toString());
                    return Mono.empty();
                });
    }

    private static String text(JsonNode innovation, String field) {
        return innovation.path(field).asString(null);
    }
}
