package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;

/**
 * Starts the MongoDB stand-in (mongo-java-server speaking the wire protocol on loopback) the one way tests,
 * benchmarks and the local platform use it: in memory, or stored in an H2 MVStore file. Its unique indexes also serve
 * lookups that pin their key among other conditions ({@link KeyLookupIndex}); single-key secondary indexes serve
 * queries pinning their key to one value ({@link ValueIndex}); compound secondary indexes are still ignored.
 */
public final class MongoStandIns {

    private MongoStandIns() {
    }

    /** A stand-in keeping everything in memory, on {@code port} (0: any free port). */
    public static MongoServer inMemory(int port) {
        return bind(new MongoServer(new IndexedMemoryBackend()), port);
    }

    /**
     * A stand-in storing its data in {@code file} (H2 commits about once a second; a hard kill may lose the last
     * second), on {@code port}. {@link MongoServer#shutdownNow()} closes the file.
     */
    public static MongoServer inFile(Path file, int port) {
        return bind(new MongoServer(new IndexedH2Backend(file.toString())), port);
    }

    /** The connection string of a started stand-in. */
    public static String uri(MongoServer server) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    static MongoServer bind(MongoServer server, int port) {
        server.bind("127.0.0.1", port);
        return server;
    }
}
