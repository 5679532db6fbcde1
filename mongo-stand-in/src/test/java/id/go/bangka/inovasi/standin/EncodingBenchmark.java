package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.bson.Document;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * CPU per document of the two encodings the file stand-in has stored documents with: H2's {@link ObjectDataType}
 * (Java serialization, mongo-java-server's own) and BSON ({@link BsonBytes} in a {@link BsonBytesType}), on real
 * documents: the first innovations of a stand-in file (PlatformBenchmark leaves one in
 * {@code platform-local/target/bench/mongo}). Each encoding writes and reads every sample document, in rounds,
 * alternating; CPU time of this thread per document, the median round. Arguments: the file, the collection's map
 * (default {@code databases.inovasi_catalog.innovations}), documents sampled (default 1,000), rounds (default 20).
 * docs/benchmarks.md, section 8.
 */
public final class EncodingBenchmark {

    private EncodingBenchmark() {
    }

    public static void main(String[] args) {
        String map = args.length > 1 ? args[1] : "databases.inovasi_catalog.innovations";
        int sampled = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        List<Document> documents = sample(args[0], map, sampled);
        long bytes = 0;
        for (Document document : documents) {
            bytes += encoded(new StoredBson(), document).remaining();
        }
        System.out.printf("%d documents of %s, %d BSON bytes on average%n", documents.size(), map,
                bytes / documents.size());
        List<Double> serialized = new ArrayList<>();
        List<Double> bson = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            serialized.add(microsPerDocument(new ObjectDataType(), documents));
            bson.add(microsPerDocument(new StoredBson(), documents));
        }
        double before = median(serialized);
        double after = median(bson);
        System.out.printf("| encoding | CPU us per document written and read (median of %d rounds) |%n|---|---|%n"
                + "| Java serialization (H2's ObjectDataType) | %.1f |%n| BSON (BsonBytes, BsonBytesType) | %.1f |%n"
                + "BSON / Java serialization: %.2f%n", rounds, before, after, after / before);
    }

    private static List<Document> sample(String file, String map, int count) {
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            MVMap<Object, Object> documents = store.openMap(map,
                    new MVMap.Builder<Object, Object>().valueType(new StoredBson()));
            List<Document> sample = new ArrayList<>();
            for (Object value : documents.values()) {
                if (sample.size() == count) {
                    break;
                }
                sample.add((Document) value);
            }
            if (sample.isEmpty()) {
                throw new IllegalArgumentException("No documents in " + map + " of " + file);
            }
            return sample;
        } finally {
            store.close();
        }
    }

    private static double microsPerDocument(DataType<Object> type, List<Document> documents) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long began = threads.getCurrentThreadCpuTime();
        int read = 0;
        for (Document document : documents) {
            ByteBuffer stored = encoded(type, document);
            read += ((Document) type.read(stored)).size();
        }
        if (read == 0) {
            throw new IllegalStateException("Documents read back empty");
        }
        return (threads.getCurrentThreadCpuTime() - began) / 1_000.0 / documents.size();
    }

    private static ByteBuffer encoded(DataType<Object> type, Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }

    /** A document as the file stand-in stores it: encoded by {@link BsonBytes}, written by {@link BsonBytesType}. */
    private static final class StoredBson extends BasicDataType<Object> {

        private final BsonBytesType bytes = new BsonBytesType();

        @Override
        public void write(WriteBuffer buffer, Object document) {
            bytes.write(buffer, BsonBytes.encode((Document) document));
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return BsonBytes.decode((byte[]) bytes.read(buffer));
        }

        /** A rough size for H2's cache: the benchmark reads each page of the file once. */
        @Override
        public int getMemory(Object document) {
            return 1_024;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
