package id.go.bangka.inovasi.gateway.balancing;

import id.go.bangka.inovasi.gateway.balancing.BackendServices.BackendService;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every replica of one service, ready or not: the static URIs configured, or every address its DNS name resolves to at
 * the moment of asking. Each subscription emits one list and completes, so the health-checked supplier above it
 * re-resolves whenever it refetches. A name that does not resolve (no replica running) gives an empty list.
 */
final class ReplicaAddresses implements ServiceInstanceListSupplier {

    private static final Logger log = LoggerFactory.getLogger(ReplicaAddresses.class);

    private final String serviceId;
    private final BackendService service;
    private final AddressResolver resolver;

    ReplicaAddresses(String serviceId, BackendService service, AddressResolver resolver) {
        if (!service.resolved() && service.uris().isEmpty()) {
            throw new IllegalStateException("inovasi.gateway.services." + serviceId + " needs uris or dns-name");
        }
        if (service.resolved() && service.port() == null) {
            throw new IllegalStateException("inovasi.gateway.services." + serviceId
                    + ".port is required with dns-name");
        }
        this.serviceId = serviceId;
        this.service = service;
        this.resolver = resolver;
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        if (!service.resolved()) {
            return Flux.just(service.uris().stream().map(this::instance).toList());
        }
        return Mono.fromCallable(this::resolve).subscribeOn(Schedulers.boundedElastic()).flux();
    }

    private List<ServiceInstance> resolve() {
        try {
            return Arrays.stream(resolver.resolve(service.dnsName())).map(InetAddress::getHostAddress)
                    .distinct().map(address -> instance(URI.create(service.scheme() + "://"
                            + (address.contains(":") ? "[" + address + "]" : address) + ":" + service.port())))
                    .toList();
        } catch (UnknownHostException none) {
            log.warn("{} ({}) resolves to no address: no replica to send requests to", serviceId,
                    service.dnsName());
            return List.of();
        }
    }

    private ServiceInstance instance(URI uri) {
        return new DefaultServiceInstance(serviceId + "@" + uri.getAuthority(), serviceId, uri.getHost(),
                uri.getPort() < 0 ? defaultPort(uri) : uri.getPort(), "https".equals(uri.getScheme()));
    }

    private static int defaultPort(URI uri) {
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Every address of a name ({@link InetAddress#getAllByName} in production). */
    @FunctionalInterface
    interface AddressResolver {
        InetAddress[] resolve(String name) throws UnknownHostException;
    }
}
