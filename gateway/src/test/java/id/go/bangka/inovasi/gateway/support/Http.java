package id.go.bangka.inovasi.gateway.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for gateway tests that keeps every value of every response header. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    /**
     * An answer.
     *
     * @param status  HTTP status
     * @param headers every response header value
     * @param body    the body as text
     */
    public record Reply(int status, HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> all(String name) {
            return headers.allValues(name);
        }
    }

    public Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return exchange(method, path, headers, publisher);
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    /** Sends the body without a length, chunked. */
    public Reply sendChunked(String method, String path, Map<String, String> headers, byte[] body) {
        return exchange(method, path, headers,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    private Reply exchange(String method, String path, Map<String, String> headers,
            HttpRequest.BodyPublisher publisher) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).method(method, publisher);
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
