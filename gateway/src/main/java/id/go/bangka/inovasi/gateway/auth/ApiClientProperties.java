package id.go.bangka.inovasi.gateway.auth;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API clients the gateway knows, usually from the file named by {@code INOVASI_GATEWAY_CLIENTS_FILE}.
 *
 * @param clients every client
 */
@ConfigurationProperties("inovasi.gateway")
public record ApiClientProperties(@DefaultValue List<Client> clients) {

    /**
     * One client.
     *
     * @param id        its id, forwarded to the services and used in logs (never the key)
     * @param roles     {@code portal}, {@code reviewer}, {@code ops}
     * @param opdCodes  OPD codes a portal may act for; {@code *} for all
     * @param keySha256 hex SHA-256 of each valid key: several during a rotation
     */
    public record Client(String id, @DefaultValue Set<String> roles, @DefaultValue Set<String> opdCodes,
            @DefaultValue List<String> keySha256) {
    }
}
