package id.go.bangka.inovasi.gateway.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The floor {@link GatewayFloorBenchmark} measures this gateway against: Spring Cloud Gateway as Spring Boot
 * auto-configures it from the gateway's own classpath (the same Netty, observations and metrics), with one plain route
 * and nothing of ours: no security chain, no filters, no rate limit, no circuit breaker, no copies. Not a component
 * (no {@code @Configuration}), so the gateway's component scan never picks it up.
 */
@EnableAutoConfiguration
public class BareGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareGateway.class, args);
    }
}
