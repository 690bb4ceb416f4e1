package io.sassim.isa.emu;

import java.util.Map;

/** Corpus launches the emulator stops on, with the opcode it stops at (docs/emulator.md). */
public final class KnownGaps {

  private KnownGaps() {}

  /** Launch spec file name → the opcode it stops at (on every target it has). */
  public static final Map<String, String> STOPS = Map.of(
      "printf_call.launch.yaml", "LEPC",
      "hopper_misc.launch.yaml", "SYNCS.EXCH.64",
      "bulk_copy.launch.yaml", "SYNCS.EXCH.64",
      "cluster_exchange.launch.yaml", "UCGABAR_ARV",
      "wgmma_tile.launch.yaml", "HGMMA.64x8x16.F32");
}
