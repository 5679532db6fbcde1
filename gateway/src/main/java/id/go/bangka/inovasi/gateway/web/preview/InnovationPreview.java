package id.go.bangka.inovasi.gateway.web.preview;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shared link to a published innovation previews as: its title and a summary, written into the web pages'
 * {@code index.html} as {@code <title>}, {@code description} and Open Graph meta tags, every value HTML-escaped.
 *
 * @param title   the innovation's title
 * @param summary a short text: its benefits, else its goals, else its design, shortened at a word
 */
public record InnovationPreview(String title, String summary) {

    /** Longest summary, in characters (previews show about this much). */
    static final int SUMMARY_LENGTH = 200;
    private static final String SITE = "Inovasi Bangka";
    private static final Pattern TITLE = Pattern.compile("<title>.*?</title>", Pattern.DOTALL);
    private static final Pattern DESCRIPTION = Pattern.compile("<meta\\s+name=\"description\"[^>]*>", Pattern.DOTALL);

    /** The preview of a record: a summary from the first of its texts that has one. */
    public static InnovationPreview of(String title, String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return new InnovationPreview(title, shortened(text.strip().replaceAll("\\s+", " ")));
            }
        }
        return new InnovationPreview(title, "");
    }

    /** The page with this preview's title and meta tags, for the address {@code url}. */
    public String into(String indexHtml, URI url) {
        String description = summary.isEmpty() ? title : summary;
        String page = TITLE.matcher(indexHtml)
                .replaceFirst(Matcher.quoteReplacement("<title>" + escape(title) + " · " + SITE + "</title>"));
        page = DESCRIPTION.matcher(page).replaceFirst(Matcher.quoteReplacement(meta("name", "description",
                description)));
        String openGraph = String.join("\n  ", meta("property", "og:type", "article"),
                meta("property", "og:site_name", SITE), meta("property", "og:title", title),
                meta("property", "og:description", description), meta("property", "og:url", url.toString()),
                "<link rel=\"canonical\" href=\"" + escape(url.toString()) + "\">");
        int head = page.indexOf("</head>");
        return head < 0 ? page : page.substring(0, head) + "  " + openGraph + "\n" + page.substring(head);
    }

    /** Text as HTML text or attribute value: the five characters that could end or open markup, as references. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String meta(String attribute, String name, String content) {
        return "<meta " + attribute + "=\"" + name + "\" content=\"" + escape(content) + "\">";
    }

    private static String shortened(String text) {
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        return text.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 1) + "…";
    }
}
