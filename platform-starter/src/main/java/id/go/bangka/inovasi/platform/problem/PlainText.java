package id.go.bangka.inovasi.platform.problem;

import java.util.Optional;

/**
 * The rule for text callers send (titles, names, notes, reasons): no control characters (line breaks and tabs only
 * where the text may have several lines), no invisible format characters (Unicode category Cf: bidi controls such as
 * U+202E, which make {@code laporan\u202Eexe.png} show as "laporangnp.exe", zero-width characters, soft hyphens) and
 * no unpaired UTF-16 surrogates, which invalid UTF-8 such as {@code ED A0 80} decodes to.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The validation error of {@code text} at {@code pointer}, if it breaks the rule; null text is fine. */
    public static Optional<FieldError> check(String pointer, String text, boolean multiline) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && lineBreak)) {
                return Optional.of(new FieldError(pointer, "must not contain control characters"
                        + (multiline ? " other than line breaks and tabs" : "")));
            }
            if (Character.getType(c) == Character.FORMAT) {
                return Optional.of(new FieldError(pointer, "must not contain invisible formatting characters (found "
                        + String.format("U+%04X", (int) c) + "); remove them and send the text again"));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return Optional.of(new FieldError(pointer, "is not valid Unicode text"));
                }
            }
        }
        return Optional.empty();
    }
}
