package io.sassim.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.WarpTrace;
import java.util.Arrays;

/**
 * Compares two traced programs as streams, side by side, one CTA at a time, so that programs of
 * any size and any two formats can be compared. Instructions are compared through each side's own
 * table, so the comparison holds whatever ids the formats hand out.
 */
public final class TraceAssertions {

  private TraceAssertions() {}

  /**
   * Asserts that {@code actual} holds the same program as {@code expected}: the same commands in
   * the same order (memcpy address and size, kernels in launch order), the same launch of every
   * kernel, the same instruction table once each kernel has streamed, and for every CTA, warp and
   * entry the same static instruction, active mask, addresses and address mode.
   *
   * @param tracerVersion the tracer version every launch of {@code actual} states, for a writer
   *     that states its own; {@code null} when it must be the expected launch's
   * @return the warp instructions compared
   */
  public static long assertSameProgram(TraceSource expected, TraceSource actual,
      String tracerVersion) throws InputException {
    String origin = actual.origin();
    assertEquals(expected.commands().size(), actual.commands().size(), origin + ": commands");
    long warpInstructions = 0;
    for (int i = 0; i < expected.commands().size(); i++) {
      TraceCommand e = expected.commands().get(i);
      TraceCommand a = actual.commands().get(i);
      String where = origin + " command " + i;
      if (e instanceof TraceCommand.Memcpy) {
        assertEquals(e, a, where);
        continue;
      }
      assertInstanceOf(TraceCommand.Kernel.class, a, where);
      try (KernelTrace ek = expected.openKernel((TraceCommand.Kernel) e);
          KernelTrace ak = actual.openKernel((TraceCommand.Kernel) a)) {
        warpInstructions += assertSameKernel(ek, ak, tracerVersion, where);
      }
    }
    return warpInstructions;
  }

  private static long assertSameKernel(KernelTrace expected, KernelTrace actual,
      String tracerVersion, String where) throws InputException {
    KernelLaunch launch = expected.launch();
    if (tracerVersion != null) {
      launch = new KernelLaunch(launch.name(), launch.kernelId(), launch.grid(), launch.block(),
          launch.sharedBytes(), launch.registersPerThread(), launch.binaryVersion(),
          launch.streamId(), launch.sharedWindowBase(), launch.localWindowBase(),
          launch.tracerName(), tracerVersion, launch.lineInfo(), launch.extraHeader());
    }
    // A record: every field, the unread header lines included.
    assertEquals(launch, actual.launch(), where + " launch");
    long warpInstructions = 0;
    int index = 0;
    for (CtaTrace e = expected.nextCta(); e != null; e = expected.nextCta(), index++) {
      CtaTrace a = actual.nextCta();
      String at = where + " CTA " + index;
      if (a == null) {
        fail(at + ": missing");
      }
      assertSameCta(e, expected.instructions(), a, actual.instructions(), at);
      warpInstructions += e.warpInstructions();
    }
    assertNull(actual.nextCta(), where + ": more CTAs than expected");
    assertEquals(expected.instructions().instructions(), actual.instructions().instructions(),
        where + " instruction table");
    assertEquals(expected.hasControlBits(), actual.hasControlBits(), where + " control bits");
    return warpInstructions;
  }

  /** Same id and, warp by warp and entry by entry, the same content; ids may differ. */
  public static void assertSameCta(CtaTrace expected, InstructionTable expectedTable,
      CtaTrace actual, InstructionTable actualTable, String where) {
    assertEquals(expected.ctaId(), actual.ctaId(), where + " id");
    assertEquals(expected.warps().size(), actual.warps().size(), where + " warps");
    for (int w = 0; w < expected.warps().size(); w++) {
      WarpTrace e = expected.warps().get(w);
      WarpTrace a = actual.warps().get(w);
      assertEquals(e.length(), a.length(), where + " warp " + w + " length");
      for (int i = 0; i < e.length(); i++) {
        // Compared by hand: a message built per entry would cost more than the comparison.
        if (!expectedTable.get(e.instructionId(i)).equals(actualTable.get(a.instructionId(i)))
            || e.activeMask(i) != a.activeMask(i)
            || e.addressMode(i) != a.addressMode(i)
            || !sameAddresses(e, a, i)) {
          fail(where + " warp " + w + " entry " + i + ": expected "
              + describe(e, i, expectedTable) + " but was " + describe(a, i, actualTable));
        }
      }
    }
  }

  private static boolean sameAddresses(WarpTrace e, WarpTrace a, int i) {
    if (e.addressCount(i) != a.addressCount(i)) {
      return false;
    }
    for (int k = 0; k < e.addressCount(i); k++) {
      if (e.address(i, k) != a.address(i, k)) {
        return false;
      }
    }
    return true;
  }

  private static long[] addresses(WarpTrace w, int i) {
    long[] lanes = new long[w.addressCount(i)];
    for (int k = 0; k < lanes.length; k++) {
      lanes[k] = w.address(i, k);
    }
    return lanes;
  }

  private static String describe(WarpTrace w, int i, InstructionTable table) {
    StaticInstruction s = table.get(w.instructionId(i));
    return "[" + s + " line " + s.lineNumber() + " width " + s.memoryWidth()
        + (s.hasImmediate() ? " imm " + s.immediate() : "") + " control " + s.control()
        + ", mask " + Integer.toHexString(w.activeMask(i)) + ", mode " + w.addressMode(i)
        + ", addresses " + Arrays.toString(addresses(w, i)) + "]";
  }
}
