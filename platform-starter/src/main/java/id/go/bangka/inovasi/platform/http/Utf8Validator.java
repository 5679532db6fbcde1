package id.go.bangka.inovasi.platform.http;

/**
 * Checks a byte stream is well-formed UTF-8 (Unicode table 3-7): no overlong forms, no encoded surrogates, nothing
 * above U+10FFFF, no stray continuation bytes, no sequence cut off at the end. Jackson's parser lets overlong forms
 * (C0 AF is "/") and some of the others through.
 */
final class Utf8Validator {

    private int remaining;
    private int lower = 0x80;
    private int upper = 0xBF;

    /** Takes the next byte (0-255); false when it breaks UTF-8. */
    boolean accept(int b) {
        if (remaining > 0) {
            if (b < lower || b > upper) {
                return false;
            }
            remaining--;
            lower = 0x80;
            upper = 0xBF;
            return true;
        }
        if (b <= 0x7F) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return expect(1, 0x80, 0xBF);
        }
        if (b == 0xE0) {
            return expect(2, 0xA0, 0xBF);
        }
        if (b == 0xED) {
            return expect(2, 0x80, 0x9F);
        }
        if (b >= 0xE1 && b <= 0xEF) {
            return expect(2, 0x80, 0xBF);
        }
        if (b == 0xF0) {
            return expect(3, 0x90, 0xBF);
        }
        if (b >= 0xF1 && b <= 0xF3) {
            return expect(3, 0x80, 0xBF);
        }
        if (b == 0xF4) {
            return expect(3, 0x80, 0x8F);
        }
        return false;
    }

    /** Whether the bytes so far end on a character boundary. */
    boolean complete() {
        return remaining == 0;
    }

    private boolean expect(int bytes, int nextLower, int nextUpper) {
        remaining = bytes;
        lower = nextLower;
        upper = nextUpper;
        return true;
    }
}
