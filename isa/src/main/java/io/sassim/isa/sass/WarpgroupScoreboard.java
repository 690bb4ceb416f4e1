package io.sassim.isa.sass;

/**
 * The warpgroup MMA completion token {@code gsb0}, set by HGMMA and waited on by {@code
 * WARPGROUP.DEPBAR.LE gsb0, 0x0}; separate from the per-warp counters SB0..SB5.
 */
public record WarpgroupScoreboard(int index) implements Operand {
  @Override
  public String format() {
    return "gsb" + index;
  }
}
