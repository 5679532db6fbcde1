package id.go.bangka.inovasi.gateway.request;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on incoming request bodies.
 *
 * @param maxBodySize   the largest body accepted; larger ones get 413
 * @param maxUploadSize the largest body accepted on {@code uploadPaths} (file uploads, multipart)
 * @param uploadPaths   path patterns of file uploads, such as {@code /api/v1/innovations/&#42;/evidence/&#42;/files}
 */
@ConfigurationProperties("inovasi.gateway.request")
public record RequestProperties(@DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("11MB") DataSize maxUploadSize,
        @DefaultValue("/api/v1/innovations/*/evidence/*/files") List<String> uploadPaths) {
}
