package id.go.bangka.inovasi.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event payloads against the JSON Schema files of the {@code events} module (classpath
 * {@code /schemas/<type>.schema.json}), with format assertions (uuid, date-time) switched on.
 */
public final class EventSchemaValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemaValidator() {
    }

    /**
     * Violations of the payload against the schema of a CloudEvents type; empty when valid.
     *
     * @throws IllegalArgumentException when no schema exists for the type
     */
    public static List<String> violations(String type, byte[] payload) {
        Schema schema = SCHEMAS.computeIfAbsent(type, EventSchemaValidator::load);
        List<Error> errors = schema.validate(new String(payload, StandardCharsets.UTF_8), InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema load(String type) {
        String path = "/schemas/" + type + ".schema.json";
        try (InputStream in = EventSchemaValidator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No JSON Schema on the classpath at " + path);
            }
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
