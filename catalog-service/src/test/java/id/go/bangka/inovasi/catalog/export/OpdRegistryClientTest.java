package id.go.bangka.inovasi.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.catalog.ops.IntakeStub;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class OpdRegistryClientTest {

    private static final ExportProperties PROPERTIES =
            new ExportProperties(4, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ZERO);
    private static final IdentitySigner CATALOG = new IdentitySigner("catalog-service",
            new IdentityProperties(Infrastructure.IDENTITY_SECRET, Duration.ofSeconds(60), Duration.ofSeconds(5)),
            Clock.systemUTC());

    @Test
    void namesTheRegisteredOpdsAsTheRegistryListsThem() {
        IntakeStub registry = new IntakeStub(
                "[{\"code\":\"DINKES\",\"name\":\"Dinas Kesehatan\",\"kind\":\"DINAS\"}]");

        OpdNames names = client(registry.uri()).names();

        assertThat(names.of("DINKES")).isEqualTo("Dinas Kesehatan");
        assertThat(names.of("GONE")).isNull();
    }

    @Test
    void theNamesLastReadServeWhileTheRegistryCannotBeRead() {
        IntakeStub registry = new IntakeStub("[{\"code\":\"DINKES\",\"name\":\"Dinas Kesehatan\"}]");
        OpdRegistryClient client = client(registry.uri());
        client.names();

        registry.down(true);

        assertThat(client.names().of("DINKES")).as("read again (refresh 0), failed, last names").isEqualTo(
                "Dinas Kesehatan");
    }

    @Test
    void anUnreachableRegistryNeverReadRefusesWith503AndRetryAfter() {
        OpdRegistryClient client = client("http://127.0.0.1:" + closedPort());

        assertThatThrownBy(client::names).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status().value()).isEqualTo(503));
    }

    private static OpdRegistryClient client(String uri) {
        return new OpdRegistryClient(RestClient.builder(), URI.create(uri), CATALOG, PROPERTIES, Clock.systemUTC());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
