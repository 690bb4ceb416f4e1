package io.sassim.validation.reference;

import java.util.Locale;

/**
 * What a published reference value measures. The ids are the spelling used in
 * validation/reference/*.json; docs/validation.md lists them with the microbenchmark of each.
 */
public enum Quantity {
  L1_HIT_LATENCY("load-to-use latency of a global load that hits in L1, per dependent load"),
  L2_HIT_LATENCY("load-to-use latency of a global load that hits in L2, per dependent load"),
  DRAM_LATENCY("load-to-use latency of a global load served by DRAM, per dependent load"),
  SHARED_LOAD_LATENCY("load-to-use latency of a shared-memory load, per dependent load"),
  CLOCK_READ_OVERHEAD("cycles between two back-to-back reads of the SM clock"),
  FADD_LATENCY("dependent-chain latency of FADD (fp32 add)"),
  FFMA_LATENCY("dependent-chain latency of FFMA (fp32 fused multiply-add)"),
  IMAD_LATENCY("dependent-chain latency of IMAD (integer multiply-add)"),
  HFMA2_LATENCY("dependent-chain latency of HFMA2 (fp16 fused multiply-add)"),
  DFMA_LATENCY("dependent-chain latency of DFMA (fp64 fused multiply-add)");

  private final String meaning;

  Quantity(String meaning) {
    this.meaning = meaning;
  }

  /** The id in dataset files, e.g. {@code l1_hit_latency}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String meaning() {
    return meaning;
  }

  /** The quantity spelled {@code id}, or null. */
  public static Quantity fromId(String id) {
    for (Quantity q : values()) {
      if (q.id().equals(id)) {
        return q;
      }
    }
    return null;
  }
}
