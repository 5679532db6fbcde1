package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.Http.Reply;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An innovation's shared address {@code /inovasi/{id}}: the web pages with the published innovation's title and summary
 * as meta tags, read from the catalogue as the anonymous public; the generic page for anything else.
 */
class SharedInnovationPageIT extends GatewayTestBase {

    private static final UUID ID = UUID.fromString("0b6c1a52-3f0e-4a57-9d3c-6f1f4c2b9a10");
    private static final String PATH = "/api/v1/innovations/" + ID;
    private static final String SUMMARY = "Remaja desa memeriksa kesehatan sebulan sekali.";

    @Test
    void aPublishedInnovationsAddressPreviewsWithItsTitleAndSummaryEscaped() {
        BACKEND.answer(PATH, """
                {"id":"%s","status":"PUBLISHED","title":"Posyandu <Remaja> & \\"Sehat\\"",
                 "benefits":"Remaja desa memeriksa kesehatan sebulan sekali.","goals":"Tujuan"}""".formatted(ID));

        Reply page = http.get("/inovasi/" + ID, Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("<title>Posyandu &lt;Remaja&gt; &amp; &quot;Sehat&quot; · Inovasi Bangka</title>")
                .contains("<meta property=\"og:title\" content=\"Posyandu &lt;Remaja&gt; &amp; &quot;Sehat&quot;\">")
                .contains("<meta property=\"og:description\" content=\"" + SUMMARY + "\">")
                .contains("<meta name=\"description\" content=\"" + SUMMARY + "\">")
                .contains("<meta property=\"og:url\" content=\"http://127.0.0.1:" + port + "/inovasi/" + ID + "\">")
                .contains("<script type=\"module\"")
                .doesNotContain("<Remaja>");
        CallerIdentity asked = identityAtTheService("catalog-service");
        assertThat(asked.isAnonymous()).isTrue();
        assertThat(BACKEND.lastPath()).isEqualTo(PATH);
    }

    @Test
    void anUnpublishedOrUnknownInnovationGetsTheGenericPage() {
        BACKEND.answer(PATH, """
                {"id":"%s","status":"SUBMITTED","title":"Rahasia dapur","benefits":"Belum publik"}""".formatted(ID));

        Reply draft = http.get("/inovasi/" + ID, Map.of());
        Reply notAnId = http.get("/inovasi/bukan-id", Map.of());

        for (Reply page : new Reply[] {draft, notAnId}) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Inovasi Bangka</title>").doesNotContain("og:title")
                    .doesNotContain("Rahasia dapur").contains("<script type=\"module\"");
        }
    }
}
