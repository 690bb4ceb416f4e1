package io.sassim.isa.emu.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part-B corpus workload references, keyed by launch-spec file name (each kernel in
 * traces/kernels/NAME has one spec, NAME.launch.yaml). See docs/emulator.md, "Reference
 * implementations and tolerances (part B)".
 */
public final class ReferencesB {
  private ReferencesB() {}

  /** Every part-B reference by spec file name, in corpus order. */
  public static Map<String, WorkloadReference> all() {
    Map<String, WorkloadReference> m = new LinkedHashMap<>();
    m.put("int64_math.launch.yaml", new Int64MathReference());
    m.put("cas_loop.launch.yaml", new CasLoopReference());
    m.put("dyn_shared.launch.yaml", new DynSharedReference());
    m.put("bf16_convert.launch.yaml", new Bf16ConvertReference());
    m.put("wgmma_tile.launch.yaml", new WgmmaTileReference());
    m.put("bulk_copy.launch.yaml", new BulkCopyReference());
    m.put("cluster_exchange.launch.yaml", new ClusterExchangeReference());
    m.put("simd_video.launch.yaml", new SimdVideoReference());
    m.put("fp_rounding.launch.yaml", new FpRoundingReference());
    m.put("fp64_special.launch.yaml", new Fp64SpecialReference());
    m.put("fp8_convert.launch.yaml", new Fp8ConvertReference());
    m.put("mem_hints.launch.yaml", new MemHintsReference());
    m.put("local_array.launch.yaml", new LocalArrayReference());
    m.put("atomics_mix.launch.yaml", new AtomicsMixReference());
    m.put("matrix_move.launch.yaml", new MatrixMoveReference());
    m.put("mma_variants.launch.yaml", new MmaVariantsReference());
    m.put("jump_table.launch.yaml", new JumpTableReference());
    m.put("printf_call.launch.yaml", new PrintfCallReference());
    m.put("barrier_variants.launch.yaml", new BarrierVariantsReference());
    m.put("half_ops.launch.yaml", new HalfOpsReference());
    m.put("hopper_misc.launch.yaml", new HopperMiscReference());
    m.put("setmaxnreg.launch.yaml", new SetmaxnregReference());
    m.put("warp_intrinsics.launch.yaml", new WarpIntrinsicsReference());
    return m;
  }
}
