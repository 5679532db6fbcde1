package id.go.bangka.inovasi.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class ProblemAuthenticationFailureHandlerTest {

    private final ProblemResponder problems = new ProblemResponder(JsonMapper.builder().build());
    private final ProblemAuthenticationFailureHandler handler = new ProblemAuthenticationFailureHandler(
            new ProblemAuthenticationEntryPoint(problems, true), problems);

    private MockServerWebExchange fail(AuthenticationException failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/stats"));
        handler.onAuthenticationFailure(new WebFilterExchange(exchange, e -> Mono.empty()), failure).block();
        return exchange;
    }

    @Test
    void anUnreachableIdentityProviderIs503NotTheCallersFault() {
        MockServerWebExchange exchange = fail(new AuthenticationServiceException("JWK set unreachable"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("identity provider is unavailable");
    }

    @Test
    void badCredentialsAre401WithBothChallenges() {
        MockServerWebExchange exchange = fail(new BadCredentialsException("The API key is not valid."));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().get("WWW-Authenticate"))
                .containsExactly("ApiKey realm=\"inovasi\", header=\"X-Api-Key\"", "Bearer realm=\"inovasi\"");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("The API key is not valid.");
    }
}
