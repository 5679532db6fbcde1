package id.go.bangka.inovasi.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

/** Reads the clients file: YAML with the clients under {@code inovasi.gateway.clients}, as in properties. */
final class ClientsFile {

    private static final Bindable<List<ApiClientProperties.Client>> CLIENTS =
            Bindable.listOf(ApiClientProperties.Client.class);

    private ClientsFile() {
    }

    /** The file's content, or null when the file does not exist. */
    static byte[] readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** The clients described by the file's content. */
    static List<ApiClientProperties.Client> parse(byte[] content, Path file) throws IOException {
        var sources = new YamlPropertySourceLoader().load(file.toString(), new ByteArrayResource(content));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        return binder.bind("inovasi.gateway.clients", CLIENTS).orElse(List.of());
    }
}
