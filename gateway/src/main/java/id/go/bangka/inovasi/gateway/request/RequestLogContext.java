package id.go.bangka.inovasi.gateway.request;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Logs with the request's log context (its request id, trace and span ids) taken from the Reactor context. The gateway
 * copies that context to thread locals only where it logs ({@code spring.reactor.context-propagation: limited}), not
 * around every operator of every request: the automatic mode cost a third of the gateway's CPU per request.
 */
public final class RequestLogContext {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private RequestLogContext() {
    }

    /** Runs {@code logging} with the thread locals (MDC, current observation) of {@code context} in place. */
    public static void run(ContextView context, Runnable logging) {
        try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
            logging.run();
        }
    }

    /** Completes after running {@code logging} in the subscriber's context. */
    public static Mono<Void> log(Runnable logging) {
        return Mono.deferContextual(context -> {
            run(context, logging);
            return Mono.empty();
        });
    }
}
