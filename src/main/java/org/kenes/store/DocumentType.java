package org.kenes.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections: each document as BSON, as it travels on the wire. H2's own type
 * stores a document by Java serialisation, and reads every document of a page back the same way whenever the page is
 * read; after each commit H2 lets go of the pages the commit wrote, so under a stream of saves most reads of a document
 * deserialised its whole page (the largest cost of a revised answer in profiles). Values written by H2's own type
 * (stores written before) are still read; a store written with this type is not readable by a Kenes without it.
 */
final class DocumentType extends ObjectDataType {

  /** The tag of a BSON document: one H2's own type does not use (its tags are 0–14, 19, 32–49 and 64–119). */
  static final byte BSON = 20;

  /** A running estimate of a document's size in memory, for H2's page cache and its unsaved-memory accounting. */
  private volatile int averageMemory = 16_384;

  @Override
  public void write(WriteBuffer buff, Object value) {
    if (!(value instanceof Document document)) {
      super.write(buff, value);
      return;
    }
    ByteBuf bson = Unpooled.buffer();
    try {
      try {
        BsonEncoder.encodeDocument(document, bson);
      } catch (RuntimeException notBson) {
        // A value the wire never carries (the store is only reached through the driver): kept as H2 would keep it.
        super.write(buff, value);
        return;
      }
      int length = bson.readableBytes();
      noteSize(length);
      buff.put(BSON).putVarInt(length);
      buff.put(bson.nioBuffer());
    } finally {
      bson.release();
    }
  }

  @Override
  public Object read(ByteBuffer buff) {
    if (buff.get(buff.position()) != BSON) {
      return super.read(buff);
    }
    buff.get();
    int length = DataUtils.readVarInt(buff);
    ByteBuffer bson = buff.slice();
    bson.limit(length);
    buff.position(buff.position() + length);
    noteSize(length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }

  @Override
  public int getMemory(Object value) {
    return value instanceof Document ? averageMemory : super.getMemory(value);
  }

  /**
   * A document takes about twelve times its BSON size in memory (maps, their entries, boxed numbers, strings: measured
   * on a 40-item answer set), so that the page cache's limit is one of memory indeed.
   */
  private void noteSize(int bsonLength) {
    averageMemory = (int) Math.min(Integer.MAX_VALUE, (averageMemory * 15L + bsonLength * 12L) / 16);
  }
}
