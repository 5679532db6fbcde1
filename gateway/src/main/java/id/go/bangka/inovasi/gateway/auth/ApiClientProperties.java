package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API clients the gateway knows: those in the clients file ({@code INOVASI_GATEWAY_CLIENTS_FILE}, re-read while
 * the gateway runs) and any given as properties or environment variables ({@code inovasi.gateway.clients[0].id}...).
 *
 * @param clients               clients from properties or the environment (fixed until a restart)
 * @param clientsFile           YAML file with more clients under {@code inovasi.gateway.clients}; optional
 * @param clientsReloadInterval how often the clients file is checked for changes
 */
@ConfigurationProperties("inovasi.gateway")
public record ApiClientProperties(@DefaultValue List<Client> clients, String clientsFile,
        @DefaultValue("10s") Duration clientsReloadInterval) {

    /**
     * One client.
     *
     * @param id        its id, forwarded to the services and used in logs (never the key)
     * @param roles     {@code portal}, {@code reviewer}, {@code ops} or {@code public}
     * @param opdCodes  OPD codes a portal may act for; {@code *} for all
     * @param keySha256 hex SHA-256 of each valid key: several during a rotation
     * @param rateLimit its own rate limit instead of its roles' default; optional
     */
    public record Client(String id, @DefaultValue Set<String> roles, @DefaultValue Set<String> opdCodes,
            @DefaultValue List<String> keySha256, RateLimit rateLimit) {
    }
}
