package id.go.bangka.inovasi.gateway.web.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class InnovationPreviewTest {

    private static final String INDEX = """
            <!doctype html>
            <html lang="id">
            <head>
              <meta name="description"
                    content="Katalog inovasi daerah Kabupaten Bangka.">
              <title>Inovasi Bangka</title>
            </head>
            <body></body>
            </html>
            """;

    @Test
    void everyValueIsEscapedAndTheGenericTitleAndDescriptionAreReplaced() {
        String page = InnovationPreview.of("A \"<b>\" & 'c'", null, " ", "Manfaat\n  <script>x</script>")
                .into(INDEX, URI.create("https://inovasi.bangka.go.id/inovasi/1?a=1&b=2"));

        assertThat(page)
                .contains("<title>A &quot;&lt;b&gt;&quot; &amp; &#39;c&#39; · Inovasi Bangka</title>")
                .contains("<meta name=\"description\" content=\"Manfaat &lt;script&gt;x&lt;/script&gt;\">")
                .contains("<meta property=\"og:title\" content=\"A &quot;&lt;b&gt;&quot; &amp; &#39;c&#39;\">")
                .contains("<meta property=\"og:url\" content=\"https://inovasi.bangka.go.id/inovasi/1?a=1&amp;b=2\">")
                .doesNotContain("Katalog inovasi daerah").doesNotContain("<script>").doesNotContain("<b>");
        assertThat(page.indexOf("og:title")).isLessThan(page.indexOf("</head>"));
    }

    @Test
    void aLongSummaryIsShortenedAtAWordAndNoTextGivesTheTitle() {
        String words = "kata ".repeat(60);

        assertThat(InnovationPreview.of("Judul", words).summary())
                .hasSizeLessThanOrEqualTo(InnovationPreview.SUMMARY_LENGTH).endsWith("kata…");
        assertThat(InnovationPreview.of("Judul").into(INDEX, URI.create("https://x.id/inovasi/1")))
                .contains("<meta property=\"og:description\" content=\"Judul\">");
    }
}
