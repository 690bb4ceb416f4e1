package io.sassim.sim.config;

/**
 * The SM's unified L1 data cache and shared memory (one array, split by a carveout), as the
 * memory pipeline's SM-shared part uses it.
 *
 * @param unifiedBytes L1 plus shared memory per SM
 * @param sharedCarveoutBytes the part of it kept as shared memory when a kernel needs no more;
 *     a kernel whose resident blocks need more shared memory takes a larger carveout, and the
 *     L1 keeps the rest
 * @param sets sets of the tag array; the ways follow from the L1's capacity
 * @param lineBytes line (tag) size
 * @param sectorBytes fill and request granularity inside a line
 * @param mshrEntries lines that may be in flight to the lower memory at once
 * @param mshrMerges instructions that may wait on one in-flight line
 * @param tagLookupsPerCycle lines the L1 looks up per cycle; an instruction touching more lines
 *     holds the SM-shared intake longer
 * @param tagCycles cycles from the intake to a miss's request leaving the SM
 * @param writeAllocate stores allocate lines (false: write-through, write-no-allocate)
 * @param bypassModifiers loads marked {@code .STRONG.GPU}, {@code .STRONG.SYS} or {@code .BYPASS}
 *     skip the L1 and {@code .NA} loads do not allocate
 */
public record L1DataConfig(
    int unifiedBytes,
    int sharedCarveoutBytes,
    int sets,
    int lineBytes,
    int sectorBytes,
    int mshrEntries,
    int mshrMerges,
    int tagLookupsPerCycle,
    int tagCycles,
    boolean writeAllocate,
    boolean bypassModifiers) {

  /** L1 capacity left by a shared-memory carveout of {@code carveoutBytes}. */
  public int cacheBytes(int carveoutBytes) {
    return unifiedBytes - Math.max(sharedCarveoutBytes, carveoutBytes);
  }
}
