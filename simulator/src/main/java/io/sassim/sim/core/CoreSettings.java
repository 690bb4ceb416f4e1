package io.sassim.sim.core;

import io.sassim.sim.config.GpuConfig;

/**
 * The config values the per-cycle code reads, copied once into final fields so the hot loop
 * does not walk the record tree.
 */
final class CoreSettings {

  final int subcores;
  final int maxWarps;
  final int bufferEntries;
  final boolean linearStall;
  final int stallZeroYield;
  final int imadPortBusy;
  final boolean scoreboardMode;
  final int scoreboardMaxConsumers;
  final int banks;
  final int readCycles;
  final int wideReadCycles;
  final boolean cacheEnabled;
  final int resultQueueEntries;
  final int loadReturnBits;
  final boolean fp32InIntPipe;
  final boolean fp64Shared;
  final int memoryQueueSlots;
  final int addressCycles;
  final int uniformAddressCycles;
  final int intakeInterval;

  CoreSettings(GpuConfig c, boolean scoreboardMode) {
    subcores = c.occupancy().subcores();
    maxWarps = c.occupancy().maxWarps();
    bufferEntries = c.frontEnd().instructionBufferEntries();
    linearStall = !"halving".equals(c.issue().stallCounterDecay());
    stallZeroYield = c.issue().stallZeroYieldCycles();
    imadPortBusy = c.issue().issuePortBusyAfterImad();
    this.scoreboardMode = scoreboardMode;
    scoreboardMaxConsumers = c.issue().scoreboardMaxConsumers();
    banks = c.registerFile().banks();
    readCycles = c.registerFile().readCycles();
    wideReadCycles = c.registerFile().wideReadCycles();
    cacheEnabled = c.registerFile().cacheEnabled();
    resultQueueEntries = c.registerFile().resultQueueEntries();
    loadReturnBits = c.registerFile().loadReturnBitsPerCycle();
    fp32InIntPipe = c.execution().fp32InIntPipe();
    fp64Shared = c.execution().fp64SharedPerSm();
    memoryQueueSlots = c.memory().subcoreQueueEntries() + 1;
    addressCycles = c.memory().addressCycles();
    uniformAddressCycles = c.memory().uniformAddressCycles();
    intakeInterval = c.memory().smIntakeInterval();
  }

  /**
   * Cycles from an issue until the same warp may issue again, from the stall field (paper §4):
   * linear decrement gives S (0 behaves as 1); the authors' code halves the counter each cycle,
   * giving floor(log2 S) + 1.
   */
  int stallDistance(int stall, boolean yield) {
    if (stall == 0 && yield) {
      return linearStall ? stallZeroYield : 32 - Integer.numberOfLeadingZeros(stallZeroYield + 1);
    }
    if (stall <= 1) {
      return 1;
    }
    return linearStall ? stall : 32 - Integer.numberOfLeadingZeros(stall);
  }
}
