package id.go.bangka.inovasi.gateway.web.preview;

import id.go.bangka.inovasi.gateway.request.RequestIdFilter;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * An innovation's shared address, {@code /inovasi/{id}}: the web pages' {@code index.html} (which shows the innovation
 * from this path), for a PUBLISHED innovation with its own title, description and Open Graph tags, so that a link
 * shared in a chat or a post previews as the innovation rather than as the catalogue. Any other id gets the page
 * unchanged (the page itself then says it is not found). Never cached by browsers without asking again: a
 * publication or an archiving shows at once. A web page, not part of the API documents.
 */
@Hidden
@RestController
public class InnovationPageController {

    /** The web pages' entry, built by the module {@code web} into its jar. */
    static final String INDEX = "META-INF/resources/index.html";

    private final PublishedInnovations published;
    private final Optional<String> index;

    public InnovationPageController(PublishedInnovations published) {
        this.published = published;
        this.index = read(new ClassPathResource(INDEX));
    }

    @GetMapping("/inovasi/{id}")
    Mono<ResponseEntity<String>> page(@PathVariable String id, ServerWebExchange exchange) {
        if (index.isEmpty()) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
        }
        String page = index.get();
        URI url = UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replaceQuery(null).fragment(null)
                .build().toUri();
        return uuid(id).map(uuid -> published.preview(uuid, RequestIdFilter.of(exchange)))
                .orElseGet(Mono::empty)
                .map(preview -> preview.into(page, url))
                .defaultIfEmpty(page)
                .map(html -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache()).body(html));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(ClassPathResource resource) {
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
