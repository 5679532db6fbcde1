package id.go.bangka.inovasi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StrictTextCoercionTest {

    record Note(String note, Integer parameter) {
    }

    private final JsonMapper strict = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictTextCoercion().customize(builder);
        return builder.build();
    }

    @Test
    void numbersAndBooleansAreNotText() {
        for (String value : new String[] {"1e400", "123456789012345678901234567890", "-0.5", "true"}) {
            assertThatThrownBy(() -> strict.readValue("{\"note\":" + value + "}", Note.class))
                    .as(value).isInstanceOf(MismatchedInputException.class);
        }
        assertThat(JsonMapper.builder().build().readValue("{\"note\":true}", Note.class).note())
                .as("Jackson's default").isEqualTo("true");
    }

    @Test
    void textAndNumbersOfTheirOwnTypeStillRead() {
        assertThat(strict.readValue("{\"note\":\"Lengkap\",\"parameter\":2}", Note.class))
                .isEqualTo(new Note("Lengkap", 2));
    }
}
