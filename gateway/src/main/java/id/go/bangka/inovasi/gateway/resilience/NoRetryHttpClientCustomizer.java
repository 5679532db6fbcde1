package id.go.bangka.inovasi.gateway.resilience;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway never sends a request to a service twice: Reactor Netty's automatic retry of a request whose
 * connection failed is turned off, so a write that may already have arrived is never repeated (no route has a Retry
 * filter either). The pool's idle time below the services' keep-alive keeps stale connections from being used.
 */
@Component
public class NoRetryHttpClientCustomizer implements HttpClientCustomizer {

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.disableRetry(true);
    }
}
