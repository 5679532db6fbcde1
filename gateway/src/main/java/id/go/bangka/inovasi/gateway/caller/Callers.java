package id.go.bangka.inovasi.gateway.caller;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** Where the authenticated {@link Caller} of an exchange is kept for the filters that run after authentication. */
public final class Callers {

    /** Exchange attribute holding the authenticated {@link Caller}; absent for anonymous requests. */
    public static final String ATTRIBUTE = Caller.class.getName();

    private Callers() {
    }

    /** The exchange's authenticated caller, if any. */
    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
