package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;

/** A BSON document in an H2 page behind a tag byte, as {@link IndexKeyType} stores a unique index's key. */
final class TaggedBson {

    private TaggedBson() {
    }

    /** Writes the tag, then the encoded document; releases {@code bson}. */
    static void write(WriteBuffer buffer, byte tag, ByteBuf bson) {
        try {
            buffer.put(tag).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    /** Whether the value at the buffer's position was written with this tag. */
    static boolean isTagged(ByteBuffer buffer, byte tag) {
        return buffer.get(buffer.position()) == tag;
    }

    /** Reads a tagged document, leaving the buffer after it. */
    static Document read(ByteBuffer buffer) {
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position() + 1, buffer.remaining() - 1));
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + 1 + bson.readerIndex());
        return document;
    }
}
