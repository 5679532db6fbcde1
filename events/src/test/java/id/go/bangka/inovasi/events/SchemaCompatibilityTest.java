package id.go.bangka.inovasi.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Within a version a schema may only grow: every property published in v1 stays with the same type and format,
 * enums only gain values, and the required fields stay exactly those published (a new required field would break
 * producers of the published version). {@code published-v1/} holds the schemas as first released.
 */
class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {EventTypes.SUBMISSION_RECEIVED, EventTypes.INNOVATION_CHANGED, EventTypes.SPD_RECORDED})
    void theCurrentSchemaIsAnAdditiveChangeOfThePublishedOne(String type) throws IOException {
        JsonNode published = read("/published-v1/" + type + ".schema.json");
        JsonNode current = read(EventTypes.schemaPath(type));
        List<String> breaks = new ArrayList<>();
        compare("", published, current, breaks);
        assertThat(breaks).isEmpty();
    }

    @Test
    void theCheckFindsABreakingChange() throws IOException {
        JsonNode published = read("/published-v1/" + EventTypes.SUBMISSION_RECEIVED + ".schema.json");
        String broken = published.toString().replace("\"minimum\":0", "\"minimum\":1")
                .replace("\"CREATE\",", "").replace("\"receivedAt\"]", "\"receivedAt\",\"extra\"]");
        List<String> breaks = new ArrayList<>();
        compare("", published, JSON.readTree(broken), breaks);
        assertThat(breaks).hasSizeGreaterThanOrEqualTo(3);
    }

    static void compare(String path, JsonNode published, JsonNode current, List<String> breaks) {
        if (current == null || current.isMissingNode()) {
            breaks.add(path + " was removed");
            return;
        }
        if (!published.isObject()) {
            if (!published.equals(current)) {
                breaks.add(path + " changed from " + published + " to " + current);
            }
            return;
        }
        for (var entry : published.properties()) {
            String key = entry.getKey();
            JsonNode before = entry.getValue();
            JsonNode after = current.get(key);
            String at = path + "/" + key;
            switch (key) {
                case "description", "title", "examples", "$id" -> { }
                case "enum" -> {
                    if (after == null || !values(after).containsAll(values(before))) {
                        breaks.add(at + " lost values: was " + before + ", is " + after);
                    }
                }
                case "required" -> {
                    if (after == null || !values(after).equals(values(before))) {
                        breaks.add(at + " changed: was " + before + ", is " + after);
                    }
                }
                case "properties", "$defs" -> before.properties()
                        .forEach(p -> compare(at + "/" + p.getKey(), p.getValue(), after == null ? null
                                : after.get(p.getKey()), breaks));
                default -> {
                    if (before.isObject()) {
                        compare(at, before, after, breaks);
                    } else if (before.isArray() && after != null && after.isArray() && before.size() == after.size()
                            && before.get(0) != null && before.get(0).isObject()) {
                        for (int i = 0; i < before.size(); i++) {
                            compare(at + "/" + i, before.get(i), after.get(i), breaks);
                        }
                    } else if (!before.equals(after)) {
                        breaks.add(at + " changed from " + before + " to " + after);
                    }
                }
            }
        }
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.toString()));
        return values;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
