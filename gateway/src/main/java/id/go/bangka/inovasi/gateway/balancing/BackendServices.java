package id.go.bangka.inovasi.gateway.balancing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inovasi.gateway.services.*}: where the replicas of each backend service are and how their readiness is
 * asked. Every route names its service as {@code lb://<name>}; {@link ReadyReplicasConfiguration} balances it over
 * the replicas whose readiness answered 2xx at the last health check.
 *
 * @param services                  each service by its name (its {@code spring.application.name})
 * @param noReadyReplicaRetryAfter  the Retry-After of the 503 answered while no replica of a service is ready (or the
 *                                  one chosen cannot be reached)
 */
@ConfigurationProperties("inovasi.gateway")
public record BackendServices(Map<String, BackendService> services,
        @DefaultValue("5s") Duration noReadyReplicaRetryAfter) {

    public BackendServices {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** The service of this name; a route to a service that is not configured fails at start. */
    public BackendService service(String name) {
        BackendService service = services.get(name);
        if (service == null) {
            throw new IllegalStateException("No replicas configured for " + name + ": set inovasi.gateway.services."
                    + name + ".uris or .dns-name");
        }
        return service;
    }

    /**
     * One backend service: a static list of replica URIs, or a DNS name whose every address is a replica (resolved
     * again every {@code spring.cloud.loadbalancer.health-check.refetch-instances-interval}).
     *
     * @param uris       the replicas, used when no {@code dnsName} is set
     * @param dnsName    a name whose every address (A and AAAA records) is a replica; when set, {@code uris} is ignored
     * @param port       the replicas' port with {@code dnsName}
     * @param scheme     {@code http} or {@code https} with {@code dnsName}
     * @param healthPath the readiness path each replica is asked every health-check interval
     * @param healthPort the port readiness is asked on (a separate management port); none: the replica's own port
     */
    public record BackendService(List<URI> uris, String dnsName, Integer port, @DefaultValue("http") String scheme,
            @DefaultValue("/actuator/health/readiness") String healthPath, Integer healthPort) {

        public BackendService {
            uris = uris == null ? List.of() : List.copyOf(uris);
            dnsName = dnsName == null || dnsName.isBlank() ? null : dnsName.trim();
        }

        /** Whether the replicas are every address of {@link #dnsName()} rather than the static {@link #uris()}. */
        public boolean resolved() {
            return dnsName != null;
        }
    }
}
