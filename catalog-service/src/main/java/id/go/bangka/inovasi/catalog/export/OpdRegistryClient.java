package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The OPD names for the exports, from the registry submission-service owns ({@code GET /api/v1/opds}, asked as
 * catalog-service on behalf of the anonymous public). Kept for {@code inovasi.catalog.export.opd-names-refresh}; when
 * the registry cannot be read, the names last read serve, and without any an export is refused with 503 and
 * Retry-After rather than written without names.
 */
@Component
public class OpdRegistryClient {

    /** submission-service's {@code spring.application.name}, which the signature is made for. */
    static final String SUBMISSION_SERVICE = "submission-service";
    static final String OPDS = "/api/v1/opds";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OpdRegistryClient.class);

    private record Read(OpdNames names, Instant at) {
    }

    private final RestClient registry;
    private final URI uri;
    private final IdentitySigner signer;
    private final ExportProperties properties;
    private final Clock clock;
    private volatile Read last;

    public OpdRegistryClient(RestClient.Builder builder, @Value("${inovasi.catalog.intake-uri}") URI intakeUri,
            IdentitySigner signer, ExportProperties properties, Clock clock) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.registry = builder.requestFactory(requests).build();
        this.uri = UriComponentsBuilder.fromUri(intakeUri).path(OPDS).build().encode().toUri();
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The OPD names, read again when older than the refresh interval.
     *
     * @throws ApiProblem 503 with Retry-After when the registry was never read and cannot be now
     */
    public OpdNames names() {
        Read known = last;
        if (known != null && known.at().plus(properties.opdNamesRefresh()).isAfter(clock.instant())) {
            return known.names();
        }
        try {
            OpdNames names = read();
            last = new Read(names, clock.instant());
            return names;
        } catch (RestClientException | IllegalStateException e) {
            log.warn("OPD registry unreadable at {}: {}", uri, e.getMessage());
            if (known != null) {
                return known.names();
            }
            throw ApiProblem.unavailable("OPD registry unavailable", "The export names each OPD, and the OPD"
                    + " registry could not be read; nothing was exported. Try again.", properties.retryAfter());
        }
    }

    private OpdNames read() {
        RequestTarget target = RequestTarget.of(SUBMISSION_SERVICE, HttpMethod.GET.name(), uri);
        JsonNode opds = registry.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .headers(headers -> signer.sign(CallerIdentity.anonymous(null), target).toHeaders()
                        .forEach(headers::set))
                .retrieve().body(JsonNode.class);
        if (opds == null || !opds.isArray()) {
            throw new IllegalStateException("the registry answered no list");
        }
        Map<String, String> byCode = new HashMap<>();
        opds.forEach(opd -> byCode.put(opd.path("code").asString(""), opd.path("name").asString("")));
        return new OpdNames(byCode);
    }
}
