package io.sassim.isa.emu.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The references for the first half of the corpus workloads, keyed by launch-spec file name
 * (traces/kernels/NAME/SPEC). One instance may serve several specs of the same source.
 */
public final class ReferencesA {
  private ReferencesA() {}

  /** Every reference, by launch-spec file name, in corpus order. */
  public static Map<String, WorkloadReference> all() {
    Map<String, WorkloadReference> m = new LinkedHashMap<>();
    m.put("vecadd.launch.yaml", new VecaddReference());
    m.put("saxpy.launch.yaml", new SaxpyReference());
    m.put("reduce_sum.launch.yaml", new ReduceSumReference());
    m.put("sgemm_tiled.launch.yaml", new SgemmTiledReference());
    m.put("hgemm_mma.launch.yaml", new HgemmMmaReference());
    m.put("histogram.launch.yaml", new HistogramReference());
    m.put("collatz.launch.yaml", new CollatzReference());
    m.put("transpose.launch.yaml", new TransposeReference());
    m.put("sfu_mix.launch.yaml", new SfuMixReference());
    m.put("dpoly.launch.yaml", new DpolyReference());
    m.put("async_copy.launch.yaml", new AsyncCopyReference());
    m.put("int_mix.launch.yaml", new IntMixReference());
    m.put("half2_axpy.launch.yaml", new Half2AxpyReference());
    m.put("warp_collectives.launch.yaml", new WarpCollectivesReference());
    m.put("scan.launch.yaml", new ScanReference());
    m.put("transpose_naive.launch.yaml", new TransposeNaiveReference());
    m.put("sgemm_naive.launch.yaml", new SgemmNaiveReference());
    m.put("stencil2d.launch.yaml", new Stencil2dReference());
    SpmvCsrReference spmv = new SpmvCsrReference();
    m.put("spmv_csr.launch.yaml", spmv);
    m.put("spmv_csr.warp.launch.yaml", spmv);
    m.put("bfs_step.launch.yaml", new BfsStepReference());
    m.put("softmax.launch.yaml", new SoftmaxReference());
    m.put("bitonic_sort.launch.yaml", new BitonicSortReference());
    m.put("nbody_step.launch.yaml", new NbodyStepReference());
    return m;
  }
}
