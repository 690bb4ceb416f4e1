package io.sassim.traces.binary;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.WarpTrace;

/**
 * Turns one CTA into the uncompressed bytes of its block: a short header, then seven columns
 * (ids, mask codes, explicit masks, address counts, address modes, address flags, addresses), each holding the
 * difference from {@link CtaPredictor}'s guess. Columns keep like values together, which is what
 * the general-purpose codec behind this needs. Not thread-safe: one per writer.
 */
final class CtaEncoder {

  private final CtaPredictor predictor = new CtaPredictor();
  private final ByteSink ids = new ByteSink(1 << 12);
  private final ByteSink maskCodes = new ByteSink(1 << 12);
  private final ByteSink masks = new ByteSink(1 << 10);
  private final ByteSink counts = new ByteSink(1 << 12);
  private final ByteSink modes = new ByteSink(1 << 12);
  private final ByteSink addressFlags = new ByteSink(1 << 10);
  private final ByteSink addresses = new ByteSink(1 << 14);
  private long[] continued = new long[32];
  private long[] deltas = new long[32];

  /**
   * Appends the block content of {@code cta} to {@code out}.
   *
   * @param tableSize the kernel's instruction count; every id must be below it
   */
  void encode(CtaTrace cta, int tableSize, ByteSink out) {
    predictor.reset(tableSize);
    ids.clear();
    maskCodes.clear();
    masks.clear();
    counts.clear();
    modes.clear();
    addressFlags.clear();
    addresses.clear();
    Dim3 ctaId = cta.ctaId();
    out.writeSignedInt(ctaId.x());
    out.writeSignedInt(ctaId.y());
    out.writeSignedInt(ctaId.z());
    // The predictor's size; a later, larger table must not change how this block decodes.
    out.writeVarInt(tableSize);
    out.writeVarInt(cta.warps().size());
    for (WarpTrace warp : cta.warps()) {
      out.writeVarInt(warp.length());
      // Lets the reader size each warp's address array once.
      out.writeVarInt(warp.totalAddresses());
    }
    for (WarpTrace warp : cta.warps()) {
      encodeWarp(warp, tableSize);
    }
    ByteSink[] columns = {ids, maskCodes, masks, counts, modes, addressFlags, addresses};
    for (ByteSink column : columns) {
      out.writeVarInt(column.size());
    }
    for (ByteSink column : columns) {
      out.writeSink(column);
    }
  }

  private void encodeWarp(WarpTrace warp, int tableSize) {
    int previous = predictor.warpStart();
    int previousMask = -1;
    for (int i = 0; i < warp.length(); i++) {
      int id = warp.instructionId(i);
      if (id < 0 || id >= tableSize) {
        throw new IllegalArgumentException(
            "warp " + warp.warpInCta() + " entry " + i + " names instruction " + id
                + " of a table with " + tableSize);
      }
      ids.writeSignedInt(id - predictor.predictId(previous));
      predictor.recordId(previous, id);

      int mask = warp.activeMask(i);
      if (mask == previousMask) {
        maskCodes.writeByte(CtaPredictor.MASK_PREVIOUS);
      } else if (mask == predictor.lastMask(id)) {
        maskCodes.writeByte(CtaPredictor.MASK_SAME_INSTRUCTION);
      } else {
        maskCodes.writeByte(CtaPredictor.MASK_EXPLICIT);
        masks.writeIntLE(mask);
      }
      predictor.recordMask(id, mask);
      previousMask = mask;

      int count = warp.addressCount(i);
      counts.writeSignedInt(count - predictor.predictCount(id, mask));
      predictor.recordCount(id, mask, count);

      byte mode = (byte) warp.addressMode(i);
      modes.writeByte(mode - predictor.lastMode(id));
      predictor.recordMode(id, mode);

      if (count > 0) {
        encodeAddresses(warp, i, id, count);
      }
      previous = id;
    }
  }

  private void encodeAddresses(WarpTrace warp, int i, int id, int count) {
    if (continued.length < count) {
      continued = new long[Math.max(count, continued.length * 2)];
      deltas = new long[continued.length];
    }
    long first = warp.address(i, 0);
    long firstResidual = first - predictor.predictFirstAddress(id);
    int lanes = CtaPredictor.LANES_PREDICTED;
    long[] residuals = continued;
    int shift = shiftFor(firstResidual);
    if (count > 1) {
      // Most accesses are one stride across the lanes; then the flag stands for all further lanes.
      long stride = predictor.predictSecondAddress(id, first) - first;
      boolean regular = count <= 32;
      for (int k = 1; k < count && regular; k++) {
        regular = warp.address(i, k) == first + k * stride;
      }
      if (!regular) {
        // Otherwise list each lane against the stride so far (regular with breaks) or against
        // the previous lane (scattered), whichever takes fewer bytes.
        long continuedBits = firstResidual;
        long deltaBits = firstResidual;
        long previous = first;
        long laneStride = stride;
        for (int k = 1; k < count; k++) {
          long a = warp.address(i, k);
          continued[k] = a - (previous + laneStride);
          deltas[k] = a - previous;
          continuedBits |= continued[k];
          deltaBits |= deltas[k];
          laneStride = a - previous;
          previous = a;
        }
        int continuedShift = shiftFor(continuedBits);
        int deltaShift = shiftFor(deltaBits);
        if (bytes(continued, count, continuedShift) <= bytes(deltas, count, deltaShift)) {
          lanes = CtaPredictor.LANES_CONTINUED;
          shift = continuedShift;
        } else {
          lanes = CtaPredictor.LANES_DELTA;
          residuals = deltas;
          shift = deltaShift;
        }
      }
    }
    addressFlags.writeVarInt(shift << 2 | lanes);
    addresses.writeSignedLong(firstResidual >> shift);
    if (lanes != CtaPredictor.LANES_PREDICTED) {
      for (int k = 1; k < count; k++) {
        addresses.writeSignedLong(residuals[k] >> shift);
      }
    }
    long second = count > 1 ? warp.address(i, 1) : first;
    predictor.recordAddresses(id, first, second, warp.address(i, count - 1), count);
  }

  /** Aligned accesses leave low zero bits in every difference; they need not be stored. */
  private static int shiftFor(long bits) {
    return bits == 0 ? 0 : Long.numberOfTrailingZeros(bits);
  }

  /** Varint bytes of lanes 1.. of {@code residuals} after the shift. */
  private static int bytes(long[] residuals, int count, int shift) {
    int total = 0;
    for (int k = 1; k < count; k++) {
      long v = residuals[k] >> shift;
      long zigzag = (v << 1) ^ (v >> 63);
      total += 1 + (63 - Long.numberOfLeadingZeros(zigzag | 1)) / 7;
    }
    return total;
  }
}
