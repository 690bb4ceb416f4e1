package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged native files fail with an {@link InputException} that names the file, never with an
 * unchecked exception or by reading wrong data: flipped bytes in every region, truncation at many
 * lengths, wrong magic and version, and forged blocks whose checksums are right but whose content
 * is not.
 */
class NativeCorruptionTest {

  @TempDir Path dir;
  private byte[] valid;
  private Path file;

  @BeforeEach
  void write() throws Exception {
    Path original = dir.resolve("valid" + NativeTraces.EXTENSION);
    // Small chunks, so the file has several chunks per kernel.
    NativeRoundTripTest.edgeCases().writeNative(original, Codec.ZSTD, 200);
    valid = Files.readAllBytes(original);
    file = dir.resolve("damaged" + NativeTraces.EXTENSION);
  }

  private InputException rejected(byte[] bytes) throws Exception {
    Files.write(file, bytes);
    try {
      NativeFileSurgery.readEverything(file);
    } catch (InputException e) {
      assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
      return e;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("unchecked " + e + " instead of an InputException", e);
    }
    return fail("damage went unnoticed");
  }

  @Test
  void everyChangedByteIsNoticed() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    List<NativeFileSurgery.Region> regions = NativeFileSurgery.regions(valid);
    assertTrue(regions.size() > 8, "header, blocks, trailer: " + regions);
    for (NativeFileSurgery.Region region : regions) {
      for (int n = 0; n < 40; n++) {
        int at = r.nextInt(region.start(), region.end());
        byte[] bytes = valid.clone();
        bytes[at] ^= (byte) r.nextInt(1, 256);
        try {
          rejected(bytes);
        } catch (AssertionError e) {
          throw new AssertionError(region + " byte " + at + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @Test
  void damageIsReportedWithItsPlace() throws Exception {
    NativeFileSurgery.Region chunk = NativeFileSurgery.first(valid, NativeFormat.KIND_CTAS);
    byte[] bytes = valid.clone();
    bytes[chunk.end() - 1] ^= 1;
    assertEquals(file + ": kernel 1 CTA chunk 0 at byte " + chunk.start()
        + ": checksum mismatch", rejected(bytes).getMessage());
  }

  @Test
  void everyTruncationIsNoticed() throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    for (int n = 0; n < 150; n++) {
      int length = n < 20 ? n : n < 40 ? valid.length - (n - 19) : r.nextInt(valid.length);
      try {
        rejected(Arrays.copyOf(valid, length));
      } catch (AssertionError e) {
        throw new AssertionError("cut to " + length + " bytes: " + e.getMessage(), e);
      }
    }
    assertTrue(rejected(Arrays.copyOf(valid, valid.length - 1)).getMessage().contains("truncated"));
  }

  @Test
  void wrongMagicAndVersionAreNamed() throws Exception {
    byte[] text = "-kernel name = _Z3addPfS_\n-kernel id = 1\n".getBytes();
    assertTrue(rejected(text).getMessage().contains("not a sassim native trace"));
    assertTrue(rejected(new byte[0]).getMessage().contains("not a sassim native trace"));
    byte[] newer = valid.clone();
    ByteBuffer.wrap(newer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
    NativeFileSurgery.resealRange(newer, 0, 12, 12);
    assertTrue(rejected(newer).getMessage().endsWith(
        "format version 2 is not supported; this sassim reads version 1"));
    assertThrows(InputException.class,
        () -> NativeTraces.open(dir.resolve("missing" + NativeTraces.EXTENSION)));
  }

  @Test
  void trailerPointingOutsideTheFileIsNamed() throws Exception {
    for (long offset : new long[] {valid.length, valid.length + 1000L, -1, 0, 15}) {
      byte[] bytes = valid.clone();
      int trailer = bytes.length - NativeFormat.TRAILER_BYTES;
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(trailer, offset);
      NativeFileSurgery.resealRange(bytes, trailer, 8, trailer + 8);
      assertTrue(rejected(bytes).getMessage().contains("outside the file"), "offset " + offset);
    }
  }

  @Test
  void indexPointingOutsideTheDataIsNamed() throws Exception {
    NativeFileSurgery.Region launch = NativeFileSurgery.first(valid, NativeFormat.KIND_LAUNCH);
    NativeFileSurgery.Region table = NativeFileSurgery.first(valid, NativeFormat.KIND_TABLE);
    NativeFileSurgery.Region chunk = NativeFileSurgery.first(valid, NativeFormat.KIND_CTAS);
    int chunkStored = chunk.end() - chunk.start() - NativeFormat.FRAME_BYTES;
    long[][] cases = {
      // launch offset, table offset, chunk offset, chunk stored length
      {1L << 40, table.start(), chunk.start(), chunkStored},
      {launch.start(), valid.length, chunk.start(), chunkStored},
      {launch.start(), table.start(), valid.length - 20, chunkStored},
      {launch.start(), table.start(), chunk.start(), Integer.MAX_VALUE},
      {launch.start(), table.start(), 3, chunkStored},
    };
    for (long[] c : cases) {
      TraceIndex.Builder index = new TraceIndex.Builder();
      index.beginKernel(c[2]);
      index.cta(new Dim3(0, 0, 0), 100, 5);
      index.chunk(c[2], (int) c[3], 100, 1);
      index.endKernel(c[0], c[1]);
      ByteSink payload = new ByteSink();
      index.encode(payload);
      String message = rejected(NativeFileSurgery.withIndex(valid, payload)).getMessage();
      assertTrue(message.contains("outside the data area"), message);
    }
  }

  @Test
  void indexNamingTheWrongBlockIsNamed() throws Exception {
    NativeFileSurgery.Region launch = NativeFileSurgery.first(valid, NativeFormat.KIND_LAUNCH);
    NativeFileSurgery.Region table = NativeFileSurgery.first(valid, NativeFormat.KIND_TABLE);
    int tableStored = table.end() - table.start() - NativeFormat.FRAME_BYTES;
    TraceIndex.Builder index = new TraceIndex.Builder();
    index.beginKernel(table.start());
    index.cta(new Dim3(0, 0, 0), 100, 5);
    index.chunk(table.start(), tableStored, 100, 1);
    index.endKernel(launch.start(), table.start());
    ByteSink payload = new ByteSink();
    index.encode(payload);
    String message = rejected(NativeFileSurgery.withIndex(valid, payload)).getMessage();
    assertTrue(message.contains("expected a CTA chunk block, found a instruction table block")
        || message.contains("block sizes disagree"), message);
  }

  @Test
  void forgedBlocksWithGoodChecksumsAreRejected() throws Exception {
    SplittableRandom r = new SplittableRandom(9);
    for (Codec codec : Codec.values()) {
      Path original = dir.resolve("forge-" + codec + NativeTraces.EXTENSION);
      NativeRoundTripTest.edgeCases().writeNative(original, codec, 200);
      byte[] good = Files.readAllBytes(original);
      List<NativeFileSurgery.Region> regions = NativeFileSurgery.regions(good);
      for (int n = 0; n < 60; n++) {
        NativeFileSurgery.Region region = regions.get(r.nextInt(1, regions.size() - 1));
        byte[] bytes = good.clone();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (r.nextInt(4)) {
          case 0 -> {
            // Random content of the same length.
            for (int i = region.start() + NativeFormat.FRAME_BYTES; i < region.end(); i++) {
              bytes[i] = (byte) r.nextInt();
            }
          }
          case 1 -> b.putInt(region.start() + 8, r.nextInt());
          case 2 -> b.put(region.start() + 1, (byte) r.nextInt(4));
          default -> {
            int at = r.nextInt(region.start() + NativeFormat.FRAME_BYTES, region.end());
            bytes[at] ^= (byte) r.nextInt(1, 256);
          }
        }
        NativeFileSurgery.reseal(bytes, region.start());
        if (Arrays.equals(bytes, good)) {
          continue;
        }
        Files.write(file, bytes);
        try {
          NativeFileSurgery.readEverything(file);
          // A forged block may still decode (say, to other addresses); it must not crash.
        } catch (InputException e) {
          assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        } catch (RuntimeException | Error e) {
          throw new AssertionError(codec + " " + region + ": unchecked " + e, e);
        }
      }
    }
  }
}
