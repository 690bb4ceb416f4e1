package io.sassim.sim.core;

/**
 * Why a sub-core issued nothing in a cycle: the condition of the warp that was closest to
 * issuing (later constants win), or a sub-core-wide block. Names are stable: they are stat keys.
 */
public enum StallReason {
  /** No warp resident on the sub-core. */
  NO_WARP("no warp resident"),
  /** Warps resident but all have issued their last instruction and wait to drain. */
  DRAINING("warps finished issuing, waiting for outstanding results"),
  /** Instruction buffer empty: fetch or I-cache miss, or a taken branch being redirected. */
  FETCH("instruction buffer empty (fetch, I-cache miss, branch redirect)"),
  /** Waiting at a block barrier. */
  BARRIER("waiting at a block barrier"),
  /** The yield bit forbids the warp this cycle. */
  YIELD("yield bit"),
  /** The stall counter has not reached zero. */
  STALL_COUNTER("stall counter not expired"),
  /** A dependence counter in the wait mask (or DEPBAR threshold, or scoreboard) is pending. */
  DEPENDENCE("dependence counter / scoreboard wait"),
  /** The sub-core's memory queue is full. */
  MEMORY_QUEUE("memory queue full"),
  /** The result queue for fixed-latency results is full. */
  RESULT_QUEUE("result queue full"),
  /** The target unit's input latch is busy. */
  EXECUTION_UNIT("execution unit input latch busy"),
  /** The Control stage holds an instruction that its variable-latency unit cannot take. */
  UNIT_QUEUE("control stage held: variable-latency unit busy"),
  /** Allocate cannot get register-file read ports, so Control and issue are held. */
  REGISTER_BANK("control stage held: register-file bank conflict in Allocate"),
  /** The issue port is busy for a cycle after an IMAD. */
  ISSUE_PORT("issue port busy after IMAD");

  private final String description;

  StallReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  static final StallReason[] VALUES = values();
}
