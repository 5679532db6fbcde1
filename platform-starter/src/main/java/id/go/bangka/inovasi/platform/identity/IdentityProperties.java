package id.go.bangka.inovasi.platform.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of signed caller identity, shared by the gateway (signs) and the services (verify, and sign when they
 * call another service).
 *
 * @param secret       the HMAC secret, at least 32 characters, the same in the gateway and every service
 *                     ({@code INOVASI_IDENTITY_SECRET})
 * @param maxAge       how old a signature may be before it is refused (default 60 s)
 * @param maxClockSkew how far in the future a signature's time may lie, for clocks that differ a little between
 *                     machines (default 5 s); later ones are refused
 */
@ConfigurationProperties("inovasi.identity")
public record IdentityProperties(String secret, @DefaultValue("60s") Duration maxAge,
        @DefaultValue("5s") Duration maxClockSkew) {
}
