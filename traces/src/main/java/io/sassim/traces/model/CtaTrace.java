package io.sassim.traces.model;

import io.sassim.isa.launch.Dim3;
import java.util.Arrays;
import java.util.List;

/**
 * One thread block's warps. Readers hand out one CTA at a time, so memory stays bounded by a
 * thread block whatever the size of the trace.
 *
 * @param ctaId the block index in the grid
 * @param warps warp {@code w} of the block at index {@code w}; every warp of the block is present,
 *     possibly with an empty stream
 */
public record CtaTrace(Dim3 ctaId, List<WarpTrace> warps) {

  public CtaTrace {
    warps = List.copyOf(warps);
    for (int w = 0; w < warps.size(); w++) {
      if (warps.get(w).warpInCta() != w) {
        throw new IllegalArgumentException("warp " + w + " of CTA " + ctaId + " is numbered "
            + warps.get(w).warpInCta());
      }
    }
  }

  public CtaTrace(Dim3 ctaId, WarpTrace... warps) {
    this(ctaId, Arrays.asList(warps));
  }

  /** Dynamic warp instructions over all warps. */
  public long warpInstructions() {
    long n = 0;
    for (WarpTrace w : warps) {
      n += w.length();
    }
    return n;
  }

  /** Block index in linear order, x fastest, as Accel-Sim orders CTAs. */
  public long linearId(Dim3 grid) {
    return ctaId.x() + (long) grid.x() * (ctaId.y() + (long) grid.y() * ctaId.z());
  }
}
