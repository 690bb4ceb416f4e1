package io.sassim.isa.arch;

/**
 * Execution-unit class of an opcode, after model-facts.md section 5.1 (the paper's sub-core units
 * and the opcode classes of the authors' code).
 */
public enum UnitClass {
  /** FP32 pipe; IMAD also issues here. */
  FP32,
  /** Integer ALU. */
  INT,
  /** FP16x2 / BF16x2 arithmetic. */
  HALF,
  /** Per-warp uniform datapath (U* instructions). */
  UNIFORM,
  /** Tensor core (HMMA, IMMA, DMMA on sm_80+, HGMMA on sm_90a). */
  TENSOR,
  /** Branch unit: BRA, BSSY, BSYNC, WARPSYNC, CALL, RET, EXIT... */
  BRANCH,
  /** One-cycle instructions with no queue: NOP, DEPBAR, BAR, VOTE... */
  MISC,
  /** Variable-latency miscellaneous instructions with a queue: S2UR, ERRBAR. */
  MISC_QUEUED,
  /** Special-function unit (MUFU) and conversions. */
  SFU,
  /** The sub-core memory unit: loads, stores, atomics, S2R, SHFL, LDC... */
  MEMORY,
  /** FP64 pipe. */
  FP64;
}
