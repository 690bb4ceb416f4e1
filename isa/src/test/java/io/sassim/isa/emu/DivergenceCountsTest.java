package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.LaunchSpec;
import org.junit.jupiter.api.Test;

/**
 * How often divergent code executes its reconvergence instructions, on corpus kernels whose
 * counts an H200 measured per PC (Nsight Compute's {@code inst_executed}, in
 * validation/measurements/nvidia-h200/ncu-20261127T141535Z; the validation module's
 * H200InstructionCountsTest compares every case). Each number below is the hardware's.
 */
class DivergenceCountsTest {

  private static long[] countsByPc(LaunchSpec spec) throws Exception {
    Emulator emu = Emulator.forLaunch(spec, Architecture.SM_90);
    long[] n = new long[emu.kernel().listing().size()];
    emu.run(e -> n[e.pc() >>> 4]++);
    return n;
  }

  /**
   * alu_latency: lane 0 stores the clocks inside {@code if (lane == 0)} while lanes 1-31 branch
   * straight to the BSYNC. The two groups reach it one after the other and each executes it:
   * groups do not merge because they stand at the same PC.
   */
  @Test
  void eachGroupThatReachesABsyncExecutesIt() throws Exception {
    long[] n = countsByPc(Launches.spec("validation/microbench/alu_latency/alu_latency.launch.yaml"));
    assertEquals(2, n[0x1440 >> 4], "BSYNC B0");
    assertEquals(1, n[0x1450 >> 4], "the store after it, converged");
  }

  /**
   * local_array's insertion step leaves its BSSY region by three branches and a fall-through;
   * both warps take all four, so each runs the region's BSYNC four times.
   */
  @Test
  void everyExitOfARegionCountsItsOwnBsync() throws Exception {
    long[] n = countsByPc(Launches.workload("local_array"));
    assertEquals(8, n[0x13c0 >> 4], "BSYNC B0 after three early exits and the fall-through");
    assertEquals(6, n[0x1240 >> 4], "BSYNC B0 after two early exits and the fall-through");
  }

  /**
   * jump_table's recursive fib saves the caller's B6 (BMOV.32.CLEAR), reuses it for its own
   * region and restores it before returning, while the caller's lanes wait at the same BSYNC B6.
   * The callee's BSYNC must release only its own lanes; otherwise the outer lanes run on early
   * and the warp leaves fib diverged, running the epilogue in several groups.
   */
  @Test
  void aCalleesBarrierReleasesOnlyItsOwnLanes() throws Exception {
    long[] n = countsByPc(Launches.workload("jump_table"));
    assertEquals(122, n[0x900 >> 4], "BSYNC B6 at the end of fib");
    assertEquals(82, n[0x990 >> 4], "fib's RET");
    assertEquals(2, n[0x770 >> 4], "the kernel's STG, once per warp: fib returned converged");
    assertEquals(2, n[0x780 >> 4], "the final EXIT, once per warp");
  }
}
