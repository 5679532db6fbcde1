package id.go.bangka.inovasi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StrictScalarCoercionTest {

    record Note(String note, Integer parameter, Boolean shown, Double share) {
    }

    private final JsonMapper strict = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictScalarCoercion().customize(builder);
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
    void textIsNotANumberOrABoolean() {
        for (String body : new String[] {"{\"parameter\":\"2\"}", "{\"parameter\":\"\"}", "{\"shown\":\"true\"}",
            "{\"share\":\"0.5\"}"}) {
            assertThatThrownBy(() -> strict.readValue(body, Note.class)).as(body)
                    .isInstanceOf(MismatchedInputException.class);
        }
        assertThat(JsonMapper.builder().build().readValue("{\"parameter\":\"2\"}", Note.class).parameter())
                .as("Jackson's default").isEqualTo(2);
    }

    @Test
    void textAndNumbersOfTheirOwnTypeStillRead() {
        assertThat(strict.readValue("{\"note\":\"Lengkap\",\"parameter\":2}", Note.class))
                .isEqualTo(new Note("Lengkap", 2, null, null));
    }
}
