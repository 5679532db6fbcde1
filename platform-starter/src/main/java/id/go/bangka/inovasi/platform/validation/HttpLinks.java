package id.go.bangka.inovasi.platform.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** What a link callers send must be: a well-formed http or https URL with a host, at most 2000 characters. */
public final class HttpLinks {

    public static final int MAX_LENGTH = 2_000;

    private HttpLinks() {
    }

    /** Why {@code value} is not an acceptable link; empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must be an http(s) URL");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.of("must be an http(s) URL with a host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a well-formed URL");
        }
    }
}
