package id.go.bangka.inovasi.gateway.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;

class IdentityForwardingFilterTest {

    private static final IdentitySigner SIGNER = new IdentitySigner("gateway", new IdentityProperties(
            "a-test-secret-of-at-least-32-characters", Duration.ofSeconds(60), Duration.ofSeconds(5)),
            Clock.systemUTC());

    @Test
    void theGatewayDoesNotStartWithARouteThatDoesNotNameItsService() {
        GatewayProperties gateway = new GatewayProperties();
        gateway.setRoutes(List.of(route("catalog", Map.of("service", "catalog-service")),
                route("forgotten", Map.of("response-timeout", 1000))));

        assertThatThrownBy(() -> new IdentityForwardingFilter(SIGNER, gateway))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[forgotten]");

        gateway.setRoutes(List.of(route("catalog", Map.of("service", "catalog-service"))));
        assertThatCode(() -> new IdentityForwardingFilter(SIGNER, gateway)).doesNotThrowAnyException();
    }

    private static RouteDefinition route(String id, Map<String, Object> metadata) {
        RouteDefinition route = new RouteDefinition();
        route.setId(id);
        route.setMetadata(metadata);
        return route;
    }
}
