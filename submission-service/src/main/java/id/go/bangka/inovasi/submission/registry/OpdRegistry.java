package id.go.bangka.inovasi.submission.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The OPD registry, loaded from data ({@code inovasi.registry.location}, default the file in this module). */
@Component
public class OpdRegistry {

    private final Map<String, Opd> byCode;

    public OpdRegistry(ResourceLoader resources, RegistryProperties properties) {
        Resource resource = resources.getResource(properties.location());
        try (InputStream in = resource.getInputStream()) {
            Opd[] opds = JsonMapper.builder().build().readValue(in, Opd[].class);
            this.byCode = Arrays.stream(opds).collect(Collectors.toMap(Opd::code, Function.identity(), (a, b) -> {
                throw new IllegalStateException("Duplicate OPD code " + a.code() + " in " + resource);
            }, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OPD registry " + resource, e);
        }
    }

    public Optional<Opd> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public Collection<Opd> all() {
        return byCode.values();
    }
}
