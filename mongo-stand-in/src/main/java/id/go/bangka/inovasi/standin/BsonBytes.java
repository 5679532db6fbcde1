package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** A document as BSON bytes and back, with mongo-java-server's own codec (the one its wire protocol uses). */
final class BsonBytes {

    private BsonBytes() {
    }

    /** The document's BSON encoding. */
    static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, bson);
            return ByteBufUtil.getBytes(bson);
        } finally {
            bson.release();
        }
    }

    /** A new document decoded from {@code bson}: changing it changes nothing else. */
    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
