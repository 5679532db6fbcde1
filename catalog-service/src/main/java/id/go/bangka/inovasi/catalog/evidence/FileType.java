package id.go.bangka.inovasi.catalog.evidence;

import java.util.Arrays;
import java.util.Optional;

/** The file types evidence accepts, recognised by their first bytes (magic numbers), never by the file name. */
public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final byte[] magic;

    FileType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** The type whose magic number starts {@code head}. */
    public static Optional<FileType> detect(byte[] head) {
        return Arrays.stream(values())
                .filter(t -> head.length >= t.magic.length
                        && Arrays.equals(Arrays.copyOf(head, t.magic.length), t.magic))
                .findFirst();
    }
}
