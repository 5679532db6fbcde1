package id.go.bangka.inovasi.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A recording HTTP service behind the gateway in tests. Its readiness ({@code /actuator/health/readiness}, which
 * the gateway's health checks ask) is always UP and not recorded. It answers 200 JSON, except: a path containing
 * {@code /slow} answers after 3 s; one containing {@code /drop} reads the request and closes the connection without
 * an answer; a request with {@code X-Test-Own-Headers} gets the service's own CORS and request-id headers; a path
 * given an {@link #answer} gets that; one containing {@code /large} a public JSON answer of about 4 KB with the
 * entity tag {@link #LARGE_ETAG}; one containing {@code /signed-in} the no-store headers Spring Security sends a
 * signed-in caller; one containing {@code /trickle} its headers and a first part of its body at once, the rest 3 s later.
 */
public final class StubBackend {

    /** The Cache-Control a path containing {@code /large} is answered with (a JSON body of about 4 KB). */
    public static final String LARGE_CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30";
    /** The entity tag of a path containing {@code /large}. */
    public static final String LARGE_ETAG = "\"large-1\"";

    private final HttpServer server;
    private final AtomicReference<Headers> lastHeaders = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private final AtomicReference<String> lastMethod = new AtomicReference<>();
    private final AtomicReference<String> lastPathAndQuery = new AtomicReference<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    public StubBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-backend");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Headers of the last request that reached the service, or null. */
    public Headers lastHeaders() {
        return lastHeaders.get();
    }

    public String lastPath() {
        return lastPath.get();
    }

    public String lastMethod() {
        return lastMethod.get();
    }

    /** The raw (still percent-encoded) path and query of the last request, as its request line carried them. */
    public String lastPathAndQuery() {
        return lastPathAndQuery.get();
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The most requests for {@code path} the service was answering at once. */
    public int mostAtOnce(String path) {
        return mostInFlight.getOrDefault(path, new AtomicInteger()).get();
    }

    /** Answers {@code json} (200) to requests for {@code path} until {@link #reset}. */
    public void answer(String path, String json) {
        answers.put(path, json);
    }

    public void reset() {
        answers.clear();
        lastHeaders.set(null);
        lastPath.set(null);
        lastMethod.set(null);
        lastPathAndQuery.set(null);
        hits.clear();
        inFlight.clear();
        mostInFlight.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        if (path.equals("/actuator/health/readiness")) {
            answer(exchange, "{\"status\":\"UP\"}");
            return;
        }
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int atOnce = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        mostInFlight.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(atOnce, Math::max);
        try {
            respond(exchange, path);
        } finally {
            inFlight.computeIfAbsent(path, p -> new AtomicInteger()).decrementAndGet();
        }
    }

    private void respond(HttpExchange exchange, String path) throws IOException {
        lastHeaders.set(exchange.getRequestHeaders());
        lastPath.set(path);
        lastMethod.set(exchange.getRequestMethod());
        lastPathAndQuery.set(RequestTarget.pathAndQuery(exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery()));
        if (path.contains("/drop")) {
            throw new IOException("dropping the connection on purpose");
        }
        if (path.contains("/slow")) {
            sleep();
        }
        if (exchange.getRequestHeaders().containsKey("X-Test-Own-Headers")) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("X-Request-Id", "set-by-the-service");
        }
        if (path.contains("/trickle")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"part\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep();
            exchange.getResponseBody().write("1}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
            return;
        }
        if (path.contains("/large")) {
            exchange.getResponseHeaders().set("Cache-Control", LARGE_CACHE_CONTROL);
            exchange.getResponseHeaders().set("ETag", LARGE_ETAG);
            answer(exchange, "{\"items\":[" + "{\"title\":\"Inovasi pelayanan publik\"},".repeat(100) + "{}]}");
            return;
        }
        if (path.contains("/signed-in")) {
            exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        }
        answer(exchange, answers.getOrDefault(path, "{\"ok\":true}"));
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
