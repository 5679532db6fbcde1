package id.go.bangka.inovasi.local;

import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.standin.MongoStandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB stand-in for machines without {@code mongod}: mongo-java-server speaking the wire protocol on a fixed
 * loopback port, stored in an H2 MVStore file so data survives a restart ({@link MongoStandIns#inFile}).
 */
public final class MongoStandIn {

    private final Path file;
    private final int port;
    private MongoServer server;

    public MongoStandIn(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    public void start() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = MongoStandIns.inFile(file, port);
    }

    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
