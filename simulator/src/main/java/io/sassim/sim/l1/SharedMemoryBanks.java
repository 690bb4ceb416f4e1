package io.sassim.sim.l1;

/**
 * Shared memory's banks (CUDA Programming Guide, compute capability 5.x and later, which
 * 8.0-9.0 keep): 32 banks of 4-byte words, one word per bank per cycle. Lanes that read the same
 * word share it (broadcast); distinct words in one bank serialize. A warp's access is served in
 * wavefronts: 64-bit accesses in half-warp phases and 128-bit ones in quarter-warp phases (a
 * phase moves at most 128 bytes), each phase taking as many wavefronts as its most loaded bank.
 * LDSM reads one 8 x 16-byte matrix per phase, from the row addresses of 8 lanes.
 */
public final class SharedMemoryBanks {

  private final int banks;
  private final int wordShift;
  private final long[] words = new long[128];
  private final int[] perBank;
  private final long[] bankWord;

  public SharedMemoryBanks(int banks, int bankBytes) {
    this.banks = banks;
    this.wordShift = Integer.numberOfTrailingZeros(bankBytes);
    this.perBank = new int[banks];
    this.bankWord = new long[banks];
  }

  /**
   * Wavefronts (cycles of bank time) for one warp access: {@code addresses[k]} is the address of
   * the k-th set lane of {@code activeMask}, each lane accessing {@code bytes} bytes.
   */
  public int wavefronts(long[] addresses, int n, int activeMask, int bytes) {
    int width = Math.max(1, bytes);
    int lanesPerPhase = width <= 4 ? 32 : Math.max(1, 32 / (width / 4));
    return phases(addresses, n, activeMask, width, lanesPerPhase);
  }

  /**
   * Wavefronts of an access whose lane addresses are {@code first + k * stride}. A broadcast
   * (stride 0) or a contiguous run (stride = the access width) puts at most one word per bank in
   * each phase, so it takes one wavefront per phase that has lanes; other strides go through
   * {@link #wavefronts} with the addresses in {@code scratch}.
   */
  public int stridedWavefronts(long first, long stride, int n, int activeMask, int bytes,
      long[] scratch) {
    int width = Math.max(1, bytes);
    if (stride == 0 || stride == width) {
      int lanesPerPhase = width <= 4 ? 32 : Math.max(1, 32 / (width / 4));
      int phaseMask = lanesPerPhase == 32 ? -1 : (1 << lanesPerPhase) - 1;
      int active = 0;
      for (int p = 0; p < 32 / lanesPerPhase; p++) {
        if ((activeMask & (phaseMask << (p * lanesPerPhase))) != 0) {
          active++;
        }
      }
      return Math.max(1, active);
    }
    for (int k = 0; k < n; k++) {
      scratch[k] = first + k * stride;
    }
    return wavefronts(scratch, n, activeMask, bytes);
  }

  /**
   * Wavefronts of an LDSM loading {@code matrices} 8 x 8 matrices of 16-bit elements: lane l
   * (l < 8 x matrices) gives the address of row l % 8 of matrix l / 8, 16 bytes each.
   */
  public int matrixWavefronts(long[] addresses, int n, int activeMask, int matrices) {
    int rows = 8 * matrices;
    int total = 0;
    int k = 0;
    int mask = activeMask;
    for (int m = 0; m < matrices; m++) {
      int start = k;
      while (mask != 0 && Integer.numberOfTrailingZeros(mask) < 8 * (m + 1)
          && Integer.numberOfTrailingZeros(mask) < rows) {
        mask &= mask - 1;
        k++;
      }
      total += Math.max(1, phase(addresses, start, Math.min(k, n), 16));
    }
    return total;
  }

  private int phases(long[] addresses, int n, int activeMask, int width, int lanesPerPhase) {
    int total = 0;
    int k = 0;
    int mask = activeMask;
    int phaseCount = 32 / lanesPerPhase;
    int phaseBits = lanesPerPhase == 32 ? -1 : (1 << lanesPerPhase) - 1;
    for (int p = 0; p < phaseCount; p++) {
      int start = k;
      // addresses hold the set lanes in order: this phase's are the next bitCount of them
      k += Integer.bitCount((mask >>> (p * lanesPerPhase)) & phaseBits);
      if (k > start) {
        total += phase(addresses, start, Math.min(k, n), width);
      }
    }
    return Math.max(1, total);
  }

  /** Wavefronts of the lanes from..to-1: the most distinct words any one bank must serve. */
  private int phase(long[] addresses, int from, int to, int width) {
    if ((width & (width - 1)) != 0 || width > banks << wordShift) {
      return unalignedPhase(addresses, from, to, width);
    }
    // Naturally aligned lanes (what the hardware requires) each cover one aligned group of
    // banks starting at a multiple of the group size, so two lanes conflict exactly when they
    // start in the same bank at different words: one check per lane.
    long seen = 0;
    long previous = -1;
    for (int k = from; k < to; k++) {
      long a = addresses[k];
      if (a == previous) {
        continue;
      }
      if ((a & (width - 1)) != 0) {
        return unalignedPhase(addresses, from, to, width);
      }
      previous = a;
      long w = a >>> wordShift;
      int b = (int) (w & (banks - 1));
      if ((seen & (1L << b)) == 0) {
        seen |= 1L << b;
        bankWord[b] = w;
      } else if (bankWord[b] != w) {
        return countedPhase(addresses, from, to, width);
      }
    }
    return seen == 0 ? 0 : 1;
  }

  /** {@link #phase} for lanes that may straddle words: checks every word each lane covers. */
  private int unalignedPhase(long[] addresses, int from, int to, int width) {
    // Most accesses are conflict-free or broadcasts: one word per bank settles it in one pass.
    long seen = 0;
    long previous = -1;
    for (int k = from; k < to; k++) {
      long a = addresses[k];
      if (a == previous) {
        continue; // a lane reading what the lane before read (broadcast runs) adds nothing
      }
      previous = a;
      long firstWord = a >>> wordShift;
      long lastWord = (a + width - 1) >>> wordShift;
      for (long w = firstWord; w <= lastWord; w++) {
        int b = (int) (w & (banks - 1));
        if ((seen & (1L << b)) == 0) {
          seen |= 1L << b;
          bankWord[b] = w;
        } else if (bankWord[b] != w) {
          return countedPhase(addresses, from, to, width);
        }
      }
    }
    return seen == 0 ? 0 : 1;
  }

  /** {@link #phase} for accesses with a bank conflict: counts distinct words per bank. */
  private int countedPhase(long[] addresses, int from, int to, int width) {
    int distinct = 0;
    long previous = -1;
    for (int k = from; k < to; k++) {
      long a = addresses[k];
      if (a == previous) {
        continue;
      }
      previous = a;
      long firstWord = a >>> wordShift;
      long lastWord = (a + width - 1) >>> wordShift;
      for (long w = firstWord; w <= lastWord; w++) {
        boolean seen = false;
        for (int j = 0; j < distinct; j++) {
          if (words[j] == w) {
            seen = true;
            break;
          }
        }
        if (!seen && distinct < words.length) {
          words[distinct++] = w;
        }
      }
    }
    java.util.Arrays.fill(perBank, 0);
    int worst = 0;
    for (int j = 0; j < distinct; j++) {
      int b = (int) (words[j] & (banks - 1));
      worst = Math.max(worst, ++perBank[b]);
    }
    return worst;
  }
}
