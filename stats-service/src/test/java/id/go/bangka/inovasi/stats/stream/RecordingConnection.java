package id.go.bangka.inovasi.stats.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A connection for tests: records what was written and flushed; {@link #ready} says whether it takes more. */
class RecordingConnection implements EventConnection {

    final List<String> written = new ArrayList<>();
    int flushes;
    boolean ready = true;
    boolean closed;

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void write(byte[] bytes) {
        written.add(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void close() {
        closed = true;
    }
}
