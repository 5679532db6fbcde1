package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.StubBackend;
import id.go.bangka.inovasi.gateway.web.WebAssetCacheFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The web pages as a phone on a slow network needs them: text compressed, hashed assets cached for a year, the page
 * revalidated on each visit, nothing public sent {@code no-store}; API answers keep their own cache headers.
 */
class GatewayWebAssetsIT extends GatewayTestBase {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thePageIsCompressedAndRevalidatedItsHashedScriptCompressedAndImmutable() {
        HttpResponse<byte[]> page = gzipGet("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().allValues("Cache-Control")).containsExactly(WebAssetCacheFilter.REVALIDATE);
        assertThat(page.headers().firstValue("Pragma")).isEmpty();
        String lastModified = gzipGet("/index.html", Map.of()).headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> unchanged = gzipGet("/index.html", Map.of("If-Modified-Since", lastModified));
        assertThat(unchanged.statusCode()).as("revalidated, not downloaded again").isEqualTo(304);
        assertThat(unchanged.headers().allValues("Cache-Control")).containsExactly(WebAssetCacheFilter.REVALIDATE);
        Matcher script = SCRIPT.matcher(gunzip(page.body()));
        assertThat(script.find()).as("the page names its hashed script").isTrue();

        HttpResponse<byte[]> asset = gzipGet(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(asset.headers().allValues("Cache-Control")).containsExactly(WebAssetCacheFilter.IMMUTABLE);
        assertThat(asset.headers().allValues("Vary")).containsExactly("Accept-Encoding");
        String source = gunzip(asset.body());
        assertThat(asset.body().length).as("compressed").isLessThan(source.length() / 2);

        HttpResponse<byte[]> icon = gzipGet("/favicon.svg");
        assertThat(icon.headers().allValues("Cache-Control")).containsExactly(WebAssetCacheFilter.REVALIDATE);
    }

    @Test
    void aMissingAssetIsNotCachedAndApiAnswersAndTheGatewaysCopiesKeepTheirOwnCacheHeadersCompressed() {
        HttpResponse<byte[]> missing = gzipGet("/assets/missing-0123abcd.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Cache-Control")).doesNotContain(WebAssetCacheFilter.IMMUTABLE);

        HttpResponse<byte[]> api = gzipGet("/api/v1/innovations/large");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(api.headers().allValues("Cache-Control")).containsExactly(StubBackend.LARGE_CACHE_CONTROL);
        assertThat(gunzip(api.body())).startsWith("{\"items\":[{\"title\":\"Inovasi pelayanan publik\"}");
        HttpResponse<byte[]> copy = gzipGet("/api/v1/innovations/large");
        assertThat(copy.headers().firstValue("Age")).as("answered from the gateway's copy").isPresent();
        assertThat(copy.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(copy.body())).isEqualTo(gunzip(api.body()));

        HttpResponse<byte[]> small = gzipGet("/api/v1/innovations/one");
        assertThat(small.headers().firstValue("Content-Encoding")).as("below 1 KiB: sent as it is").isEmpty();
        assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    private HttpResponse<byte[]> gzipGet(String path) {
        return gzipGet(path, Map.of());
    }

    private HttpResponse<byte[]> gzipGet(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Encoding", "gzip").GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
