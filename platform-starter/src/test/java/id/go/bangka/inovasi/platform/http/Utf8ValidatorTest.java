package id.go.bangka.inovasi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    private static boolean valid(byte[] bytes) {
        Utf8Validator utf8 = new Utf8Validator();
        for (byte b : bytes) {
            if (!utf8.accept(b & 0xFF)) {
                return false;
            }
        }
        return utf8.complete();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedTextPasses() {
        assertThat(valid("{\"title\":\"Layanan kesehatan — ü € \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    @Test
    void malformedSequencesAreRefused() {
        assertThat(valid(bytes(0xC0, 0xAF))).as("overlong /").isFalse();
        assertThat(valid(bytes(0xE0, 0x80, 0xAF))).as("overlong three-byte").isFalse();
        assertThat(valid(bytes(0xED, 0xA0, 0x80))).as("encoded surrogate").isFalse();
        assertThat(valid(bytes(0xF4, 0x90, 0x80, 0x80))).as("above U+10FFFF").isFalse();
        assertThat(valid(bytes(0xF8, 0x88, 0x80, 0x80, 0x80))).as("five bytes").isFalse();
        assertThat(valid(bytes(0xC3, 0x28))).as("missing continuation").isFalse();
        assertThat(valid(bytes(0x80))).as("stray continuation").isFalse();
        assertThat(valid(bytes(0xE2, 0x82))).as("cut off").isFalse();
        assertThat(valid(bytes(0xFF, 0xFE))).isFalse();
    }
}
