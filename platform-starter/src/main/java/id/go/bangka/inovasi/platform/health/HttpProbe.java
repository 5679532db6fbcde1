package id.go.bangka.inovasi.platform.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * A container health check that needs only the JRE: {@code java -cp '/app/BOOT-INF/lib/*'
 * id.go.bangka.inovasi.platform.health.HttpProbe http://localhost:9081/actuator/health/readiness} exits 0 on a 2xx
 * answer and 1 on anything else (another status, no connection, no answer within the timeout). Images keep working
 * when a base image drops curl or wget.
 */
public final class HttpProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HttpProbe() {
    }

    /** Probes {@code args[0]}; exits 0 when it answers 2xx, 1 otherwise, 2 without exactly one argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HttpProbe <http-url>");
            System.exit(2);
        }
        int status = status(URI.create(args[0]), TIMEOUT);
        if (status < 200 || status > 299) {
            System.err.println(args[0] + (status < 0 ? ": no answer" : ": HTTP " + status));
            System.exit(1);
        }
    }

    /** The HTTP status {@code uri} answers a GET with, or -1 without an answer within {@code timeout}. */
    static int status(URI uri, Duration timeout) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            try {
                int status = connection.getResponseCode();
                InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                if (body != null) {
                    body.close();
                }
                return status;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }
}
