package io.sassim.traces.binary;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.WarpTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads back what {@link CtaEncoder} wrote. Each count is checked against the bytes left before
 * anything is allocated for it, and each column must be used up exactly, so a damaged block fails
 * with a {@link CorruptBlockException} and never with an unchecked exception. Not thread-safe:
 * one per reading thread.
 */
final class CtaDecoder {

  private static final int COLUMNS = 7;

  private final CtaPredictor predictor = new CtaPredictor();
  private long[] store = new long[256];
  private ByteSource ids;
  private ByteSource maskCodes;
  private ByteSource masks;
  private ByteSource counts;
  private ByteSource modes;
  private ByteSource addressFlags;
  private ByteSource addresses;

  /** Decodes the CTA in {@code raw[offset..offset+length)}. */
  CtaTrace decode(byte[] raw, int offset, int length, int tableSize) throws CorruptBlockException {
    ByteSource in = new ByteSource(raw, offset, length);
    Dim3 ctaId = new Dim3(in.readSignedInt(), in.readSignedInt(), in.readSignedInt());
    int idBound = in.readCount(tableSize, "instruction id bound");
    int warpCount = in.readCount(in.remaining(), "warp count");
    int[] lengths = new int[warpCount];
    int[] addressTotals = new int[warpCount];
    long total = 0;
    for (int w = 0; w < warpCount; w++) {
      lengths[w] = in.readCount(length, "warp length");
      addressTotals[w] = in.readCount(Integer.MAX_VALUE, "warp address count");
      total += lengths[w];
    }
    int[] columnLengths = new int[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      columnLengths[c] = in.readCount(in.remaining(), "column length");
    }
    ids = in.slice(columnLengths[0], "id column");
    maskCodes = in.slice(columnLengths[1], "mask column");
    masks = in.slice(columnLengths[2], "explicit mask column");
    counts = in.slice(columnLengths[3], "address count column");
    modes = in.slice(columnLengths[4], "address mode column");
    addressFlags = in.slice(columnLengths[5], "address flag column");
    addresses = in.slice(columnLengths[6], "address column");
    in.expectEnd("CTA");
    // One byte per entry in these columns: a cheap, exact check of the warp lengths.
    if (maskCodes.remaining() != total || modes.remaining() != total) {
      throw new CorruptBlockException(
          "warps hold " + total + " entries but the mask and mode columns hold "
              + maskCodes.remaining() + " and " + modes.remaining());
    }

    // At most 32 addresses per entry share an address flag; every further one costs a byte.
    long addressBound = 32 * total + addresses.remaining();
    for (int w = 0; w < warpCount; w++) {
      if (addressTotals[w] > addressBound) {
        throw new CorruptBlockException(
            "warp " + w + " claims " + addressTotals[w] + " addresses, the CTA has room for "
                + addressBound);
      }
    }
    predictor.reset(idBound);
    List<WarpTrace> warps = new ArrayList<>(warpCount);
    for (int w = 0; w < warpCount; w++) {
      warps.add(decodeWarp(w, lengths[w], addressTotals[w]));
    }
    ids.expectEnd("id column");
    masks.expectEnd("explicit mask column");
    counts.expectEnd("address count column");
    addressFlags.expectEnd("address flag column");
    addresses.expectEnd("address column");
    return new CtaTrace(ctaId, warps);
  }

  private WarpTrace decodeWarp(int w, int length, int addressTotal)
      throws CorruptBlockException {
    // Sizes are known and checked against the block, so the decoder fills exact arrays in place;
    // only the stored addresses, whose compact count is known at the end, go through a scratch.
    int[] entryIds = new int[length];
    int[] entryMasks = new int[length];
    byte[] entryCounts = new byte[length];
    int[] addressStart = new int[length + 1];
    byte[] entryModes = new byte[length];
    int added = 0;
    int stored = 0;
    int tableSize = predictor.tableSize();
    int previous = predictor.warpStart();
    int previousMask = -1;
    for (int i = 0; i < length; i++) {
      int id = predictor.predictId(previous) + ids.readSignedInt();
      if (id < 0 || id >= tableSize) {
        throw new CorruptBlockException(
            "warp " + w + " entry " + i + " names instruction " + id + " of " + tableSize);
      }
      predictor.recordId(previous, id);

      int mask = switch (maskCodes.readByte()) {
        case CtaPredictor.MASK_PREVIOUS -> previousMask;
        case CtaPredictor.MASK_SAME_INSTRUCTION -> predictor.lastMask(id);
        case CtaPredictor.MASK_EXPLICIT -> masks.readIntLE();
        default -> throw new CorruptBlockException("warp " + w + " entry " + i + ": bad mask code");
      };
      predictor.recordMask(id, mask);
      previousMask = mask;

      int count = predictor.predictCount(id, mask) + counts.readSignedInt();
      // Up to 32 lanes may share one flag byte; beyond that each address costs a byte. This
      // bounds the count by the block's size before anything is sized with it.
      if (count < 0 || count > WarpTrace.MAX_ADDRESSES) {
        throw new CorruptBlockException(
            "warp " + w + " entry " + i + " claims " + count + " addresses");
      }
      predictor.recordCount(id, mask, count);

      byte mode = (byte) (predictor.lastMode(id) + modes.readByte());
      predictor.recordMode(id, mode);

      if (added + count > addressTotal) {
        throw new CorruptBlockException(
            "warp " + w + " has more addresses than the " + addressTotal + " it declares");
      }
      if (count > 0) {
        if (store.length < stored + WarpTrace.MAX_ADDRESSES) {
          store = Arrays.copyOf(store, 2 * store.length + WarpTrace.MAX_ADDRESSES);
        }
        stored += decodeAddresses(id, count, store, stored);
      }
      added += count;
      entryIds[i] = id;
      entryMasks[i] = mask;
      entryCounts[i] = (byte) count;
      entryModes[i] = mode;
      addressStart[i + 1] = stored;
      previous = id;
    }
    if (added != addressTotal) {
      throw new CorruptBlockException(
          "warp " + w + " has " + added + " addresses, it declares " + addressTotal);
    }
    return WarpTrace.wrap(w, entryIds, entryMasks, entryCounts, addressStart,
        Arrays.copyOf(store, stored), entryModes);
  }

  /**
   * Decodes {@code count} lane addresses into {@code lane[at ..]}: all of them, or for a
   * predicted progression of three or more just the first and the stride, as {@link WarpTrace}
   * keeps it. Returns how many longs it stored.
   */
  private int decodeAddresses(int id, int count, long[] lane, int at)
      throws CorruptBlockException {
    int flag = addressFlags.readVarInt();
    int lanes = flag & 3;
    int shift = flag >>> 2;
    boolean predicted = lanes == CtaPredictor.LANES_PREDICTED;
    if (shift > 63 || lanes == 3 || (count == 1 && !predicted) || (count > 32 && predicted)) {
      throw new CorruptBlockException("bad address flag " + flag + " for " + count + " lanes");
    }
    long first = predictor.predictFirstAddress(id) + (addresses.readSignedLong() << shift);
    lane[at] = first;
    int storedLongs = count;
    if (count > 1) {
      long stride = predictor.predictSecondAddress(id, first) - first;
      if (predicted && count >= 3) {
        lane[at + 1] = stride;
        storedLongs = 2;
        predictor.recordAddresses(id, first, first + stride, first + (count - 1) * stride, count);
        return storedLongs;
      } else if (predicted) {
        lane[at + 1] = first + stride;
      } else {
        boolean continued = lanes == CtaPredictor.LANES_CONTINUED;
        long previous = first;
        long laneStride = stride;
        for (int k = 1; k < count; k++) {
          long a = previous + (continued ? laneStride : 0) + (addresses.readSignedLong() << shift);
          lane[at + k] = a;
          laneStride = a - previous;
          previous = a;
        }
      }
    }
    predictor.recordAddresses(
        id, first, count > 1 ? lane[at + 1] : first, lane[at + count - 1], count);
    return storedLongs;
  }
}
