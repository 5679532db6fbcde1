package id.go.bangka.inovasi.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class StreamLimitGatewayFilterFactoryTest {

    private final StreamLimitGatewayFilterFactory factory = new StreamLimitGatewayFilterFactory(
            new StreamProperties(2, Duration.ofMinutes(31), Duration.ofSeconds(30)), new ProblemResponder(new JsonMapper()));
    private final GatewayFilter filter = factory.apply(new Object());

    @Test
    void oneStreamMoreThanAnAddressMayHoldIs429WithRetryAfterWhileOtherAddressesPass() {
        Disposable first = openStream("10.0.0.7");
        Disposable second = openStream("10.0.0.7");

        MockServerWebExchange refused = exchange("10.0.0.7");
        filter.filter(refused, e -> Mono.never()).block(Duration.ofSeconds(5));
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(refused.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getResponse().getBodyAsString().block()).contains("\"status\":429");

        Disposable elsewhere = openStream("10.0.0.8");
        assertThat(open(factory, "10.0.0.8")).isEqualTo(1);

        first.dispose();
        assertThat(open(factory, "10.0.0.7")).as("a dropped stream frees its place")
                .isEqualTo(1);
        Disposable again = openStream("10.0.0.7");
        assertThat(open(factory, "10.0.0.7")).isEqualTo(2);
        second.dispose();
        elsewhere.dispose();
        again.dispose();
        assertThat(open(factory, "10.0.0.7")).isZero();
    }

    @Test
    void itWrapsTheWritingOfTheAnswerNotOnlyTheWaitForItsHeaders() {
        assertThat(((Ordered) filter).getOrder()).isLessThan(NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER);
    }

    @Test
    void aStreamEndsAtItsMaximumLifetimeAndFreesItsPlace() {
        StreamLimitGatewayFilterFactory shortLived = new StreamLimitGatewayFilterFactory(
                new StreamProperties(2, Duration.ofMillis(300), Duration.ofSeconds(30)),
                new ProblemResponder(new JsonMapper()));
        Mono<Void> stream = shortLived.apply(new Object()).filter(exchange("10.0.0.9"), e -> Mono.never());

        StepVerifier.create(stream)
                .expectSubscription()
                .then(() -> assertThat(open(shortLived, "10.0.0.9")).isEqualTo(1))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        // The place is freed in doFinally, which runs just after the completion reached the subscriber.
        await().atMost(Duration.ofSeconds(5)).until(() -> open(shortLived, "10.0.0.9") == 0);
    }

    private Disposable openStream(String address) {
        return filter.filter(exchange(address), e -> Mono.never()).subscribe();
    }

    private static int open(StreamLimitGatewayFilterFactory factory, String address) {
        try {
            return factory.open(InetAddress.getByName(address));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockServerWebExchange exchange(String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/stats/stream")
                .remoteAddress(new InetSocketAddress(address, 40000)));
    }
}
