package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.StaticInstruction;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decoders behind the checksums, fed damaged and random bytes directly: they may succeed or
 * throw {@link CorruptBlockException}, nothing else. A checksum makes such input unlikely but a
 * forged file can carry it.
 */
class DecoderFuzzTest {

  private interface Decoder {
    void decode(byte[] bytes) throws CorruptBlockException;
  }

  private static void fuzz(String what, byte[] valid, Decoder decoder, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int n = 0; n < 3000; n++) {
      byte[] bytes;
      if (n % 10 == 0) {
        bytes = new byte[r.nextInt(64)];
        r.nextBytes(bytes);
      } else {
        bytes = valid.clone();
        for (int flips = 1 + r.nextInt(3); flips > 0 && bytes.length > 0; flips--) {
          bytes[r.nextInt(bytes.length)] = (byte) (r.nextBoolean() ? r.nextInt() : 0xFF);
        }
        if (r.nextInt(5) == 0) {
          bytes = Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
        }
      }
      try {
        decoder.decode(bytes);
      } catch (CorruptBlockException e) {
        // Expected for most damage.
      } catch (RuntimeException | Error e) {
        throw new AssertionError(what + ", case " + n + ": unchecked " + e, e);
      }
    }
  }

  @Test
  void ctaDecoderFailsCleanly() {
    SplittableRandom r = new SplittableRandom(1);
    List<StaticInstruction> table = RandomTraces.table(r, 12);
    CtaDecoder decoder = new CtaDecoder();
    for (int c = 0; c < 10; c++) {
      CtaTrace cta = RandomTraces.cta(r, table);
      ByteSink raw = new ByteSink();
      new CtaEncoder().encode(cta, table.size(), raw);
      fuzz("CTA " + c, raw.toByteArray(),
          bytes -> decoder.decode(bytes, 0, bytes.length, table.size()), c);
    }
  }

  @Test
  void metadataDecodersFailCleanly() {
    SplittableRandom r = new SplittableRandom(2);
    ByteSink table = new ByteSink();
    MetadataCodec.writeTable(RandomTraces.table(r, 30), table);
    fuzz("table", table.toByteArray(),
        bytes -> MetadataCodec.toTable(
            MetadataCodec.readTable(new ByteSource(bytes, 0, bytes.length))), 3);
    ByteSink launch = new ByteSink();
    MetadataCodec.writeLaunch(RandomTraces.kernel(r, 4).launch(), launch);
    fuzz("launch", launch.toByteArray(),
        bytes -> MetadataCodec.readLaunch(new ByteSource(bytes, 0, bytes.length)), 4);
  }

  @Test
  void indexDecoderFailsCleanly() {
    TraceIndex.Builder index = new TraceIndex.Builder();
    index.memcpy(0x7f0000000000L, 4096);
    for (int k = 0; k < 3; k++) {
      index.beginKernel(100 + k * 1000);
      for (int c = 0; c < 4; c++) {
        index.cta(new Dim3(c, k, 0), 10 + c, 40);
        index.cta(new Dim3(c, k, 1), 20, 40);
        index.chunk(116 + k * 1000 + c * 50, 30, 30 + c, 2);
      }
      index.endKernel(16 + k, 900 + k);
    }
    ByteSink raw = new ByteSink();
    index.encode(raw);
    fuzz("index", raw.toByteArray(),
        bytes -> TraceIndex.decode(new ByteSource(bytes, 0, bytes.length)), 5);
  }

  @Test
  void tablesKeepTheirIdsWhenEntriesRepeat() {
    // replace() can leave equal entries under two ids; a reader must not merge them.
    StaticInstruction a = RandomTraces.table(new SplittableRandom(6), 1).get(0);
    InstructionTable table = MetadataCodec.toTable(List.of(a, a, a));
    assertEquals(List.of(a, a, a), table.instructions());
  }
}
