package id.go.bangka.inovasi.platform.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of signed caller identity, shared by the gateway (signs) and the services (verify).
 *
 * @param secret the HMAC secret, at least 32 characters, the same in the gateway and every service
 *               ({@code INOVASI_IDENTITY_SECRET})
 * @param maxAge how old a signature may be before it is refused (default 60 s)
 */
@ConfigurationProperties("inovasi.identity")
public record IdentityProperties(String secret, @DefaultValue("60s") Duration maxAge) {
}
