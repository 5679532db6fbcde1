package id.go.bangka.inovasi.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.gateway.balancing.BackendServices.BackendService;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class ReplicaAddressesTest {

    @Test
    void aStaticListGivesEachUriAsAReplica() {
        ReplicaAddresses replicas = new ReplicaAddresses("stats-service", new BackendService(
                List.of(URI.create("http://10.0.0.5:8083"), URI.create("https://stats.example")), null, null, "http",
                "/actuator/health/readiness", null), name -> {
                    throw new AssertionError("no lookup for a static list");
                });

        assertThat(replicas.get().blockFirst()).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://10.0.0.5:8083"), URI.create("https://stats.example:443"));
    }

    @Test
    void aDnsNameGivesEveryAddressItResolvesToOnEachFetch() throws UnknownHostException {
        List<InetAddress[]> answers = new ArrayList<>(List.of(
                new InetAddress[] {address("127.0.0.2"), address("127.0.0.3")},
                new InetAddress[] {address("127.0.0.3"), address("::1")}));
        ReplicaAddresses replicas = new ReplicaAddresses("stats-service", new BackendService(
                List.of(URI.create("http://ignored:1")), "stats-service", 8083, "http",
                "/actuator/health/readiness", 9083), name -> answers.remove(0));

        assertThat(replicas.get().blockLast()).extracting(ServiceInstance::getUri).containsExactly(
                URI.create("http://127.0.0.2:8083"), URI.create("http://127.0.0.3:8083"));
        assertThat(replicas.get().blockLast()).extracting(ServiceInstance::getUri).containsExactly(
                URI.create("http://127.0.0.3:8083"), URI.create("http://[0:0:0:0:0:0:0:1]:8083"));
    }

    @Test
    void aNameThatDoesNotResolveGivesNoReplicaRatherThanAnError() {
        ReplicaAddresses replicas = new ReplicaAddresses("stats-service", new BackendService(List.of(),
                "stats-service", 8083, "http", "/actuator/health/readiness", null), name -> {
                    throw new UnknownHostException(name);
                });

        assertThat(replicas.get().blockLast()).isEmpty();
    }

    @Test
    void aServiceWithoutReplicasOrADnsNameWithoutPortIsRefusedAtStart() {
        assertThatThrownBy(() -> new ReplicaAddresses("stats-service", new BackendService(List.of(), null, null,
                "http", "/actuator/health/readiness", null), InetAddress::getAllByName))
                .hasMessageContaining("inovasi.gateway.services.stats-service needs uris or dns-name");
        assertThatThrownBy(() -> new ReplicaAddresses("stats-service", new BackendService(List.of(), "stats", null,
                "http", "/actuator/health/readiness", null), InetAddress::getAllByName))
                .hasMessageContaining(".port is required with dns-name");
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
