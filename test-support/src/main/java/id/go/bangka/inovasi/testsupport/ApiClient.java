package id.go.bangka.inovasi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests against a running service or the gateway. Made for a service, it signs the identity
 * headers of {@link TestIdentities} for each request, as the gateway would.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUri;
    private final String service;

    /** A client of the gateway: it sends the headers it is given as they are. */
    public ApiClient(String baseUri) {
        this(baseUri, null);
    }

    /**
     * A client of one service, called directly.
     *
     * @param baseUri the service's base URI
     * @param service its {@code spring.application.name}, which the identities are signed for
     */
    public ApiClient(String baseUri, String service) {
        this.baseUri = baseUri;
        this.service = service;
    }

    /**
     * One answer.
     *
     * @param status  the HTTP status
     * @param headers response headers (first value of each)
     * @param body    the body, parsed as JSON where it is JSON, else a text node
     */
    public record Answer(int status, Map<String, String> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    public Answer get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path)).GET(), headers);
    }

    public Answer post(String path, Map<String, String> headers, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)), headers);
    }

    public Answer put(String path, Map<String, String> headers, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)), headers);
    }

    /** A multipart/form-data upload of one file part. */
    public Answer upload(String path, Map<String, String> headers, String part, String filename, byte[] content) {
        String boundary = "inovasi-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** The raw bytes of a GET. */
    public byte[] download(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path)).GET();
        addHeaders(request, headers);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer delete(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path)).DELETE(), headers);
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        addHeaders(request, headers);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((k, v) -> first.put(k, v.get(0)));
            return new Answer(response.statusCode(), first, parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds the headers, with a {@link TestIdentities} identity signed for this request when made for a service. */
    private void addHeaders(HttpRequest.Builder request, Map<String, String> headers) {
        if (service == null) {
            headers.forEach(request::header);
        } else {
            TestIdentities.addTo(request, headers, service);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
