package id.go.bangka.inovasi.platform.opd;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The OPD names from the registry submission-service owns ({@code GET /api/v1/opds}, asked on behalf of the anonymous
 * public with this service's signed identity). Kept for {@code inovasi.opd-registry.refresh}; when the registry cannot
 * be read, the names last read serve. The one way a service other than submission-service names OPDs.
 */
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
    private final Duration refresh;
    private final IdentitySigner signer;
    private final Clock clock;
    private volatile Read last;

    public OpdRegistryClient(RestClient.Builder builder, OpdRegistryProperties properties, IdentitySigner signer,
            Clock clock) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.registry = builder.requestFactory(requests).build();
        this.uri = UriComponentsBuilder.fromUri(properties.uri()).path(OPDS).build().encode().toUri();
        this.refresh = properties.refresh();
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * The OPD names, read again when older than the refresh interval.
     *
     * @throws OpdRegistryUnavailableException when the registry was never read and cannot be now
     */
    public OpdNames names() {
        Read known = last;
        if (known != null && known.at().plus(refresh).isAfter(clock.instant())) {
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
            throw new OpdRegistryUnavailableException("The OPD registry at " + uri + " could not be read", e);
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
