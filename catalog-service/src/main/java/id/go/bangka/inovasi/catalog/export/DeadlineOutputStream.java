package id.go.bangka.inovasi.catalog.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * An output stream that refuses every write from its deadline on, so a slow reader cannot hold an export forever.
 */
final class DeadlineOutputStream extends FilterOutputStream {

    private final Clock clock;
    private final Instant deadline;

    DeadlineOutputStream(OutputStream out, Clock clock, Instant deadline) {
        super(out);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        check();
        out.flush();
    }

    private void check() throws IOException {
        if (!clock.instant().isBefore(deadline)) {
            throw new ExportDeadlineException(deadline);
        }
    }

    /** The export passed its deadline. */
    static final class ExportDeadlineException extends IOException {

        ExportDeadlineException(Instant deadline) {
            super("The export passed its deadline " + deadline + " and was cut off");
        }
    }
}
