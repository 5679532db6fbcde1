package id.go.bangka.inovasi.gateway.request;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One log line per request: method, path, status, duration, client and request id. Never a header value, so API
 * keys and tokens stay out of the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("id.go.bangka.inovasi.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return Mono.deferContextual(context -> chain.filter(exchange).doFinally(signal -> RequestLogContext.run(
                context, () -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    log.info("{} {} {} {}ms client={} request_id={}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), status == null ? "-" : status.value(),
                            (System.nanoTime() - start) / 1_000_000,
                            Callers.of(exchange).map(Caller::clientId).orElse("anonymous"),
                            RequestIdFilter.of(exchange));
                })));
    }
}
