package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole traced program held in memory, for tests: commands in order, each kernel with its
 * launch, complete instruction table and CTAs. Writes itself to a {@link TraceWriter}, reads
 * itself back from a {@link TraceSource}, and compares field by field.
 */
record TracedProgram(List<Object> commands) {

  /** A kernel command's content. */
  record Kernel(KernelLaunch launch, List<StaticInstruction> table, List<CtaTrace> ctas) {}

  long warpInstructions() {
    long n = 0;
    for (Object c : commands) {
      if (c instanceof Kernel k) {
        for (CtaTrace cta : k.ctas()) {
          n += cta.warpInstructions();
        }
      }
    }
    return n;
  }

  void writeTo(TraceWriter writer) throws IOException {
    for (Object c : commands) {
      if (c instanceof TraceCommand.Memcpy m) {
        writer.memcpy(m.address(), m.bytes());
      } else {
        Kernel k = (Kernel) c;
        writer.beginKernel(k.launch());
        // Grow the table as CTAs arrive, as a streaming reader would.
        InstructionTable table = new InstructionTable();
        for (CtaTrace cta : k.ctas()) {
          int needed = maxId(cta) + 1;
          while (table.size() < needed) {
            table.intern(k.table().get(table.size()));
          }
          writer.cta(cta, table);
        }
        // Entries added after the last CTA still reach the file: it is written at endKernel.
        while (table.size() < k.table().size()) {
          table.intern(k.table().get(table.size()));
        }
        writer.endKernel();
      }
    }
    writer.commit();
  }

  /** Writes the program to a native file with the given codec and chunk size. */
  void writeNative(Path file, Codec codec, int chunkBytes) throws IOException {
    try (NativeTraceWriter writer = new NativeTraceWriter(file, codec, 6, chunkBytes)) {
      writeTo(writer);
    }
  }

  static TracedProgram readFrom(TraceSource source) throws InputException {
    List<Object> commands = new ArrayList<>();
    for (TraceCommand c : source.commands()) {
      if (c instanceof TraceCommand.Memcpy m) {
        commands.add(m);
      } else {
        try (KernelTrace trace = source.openKernel((TraceCommand.Kernel) c)) {
          List<CtaTrace> ctas = new ArrayList<>();
          for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
            ctas.add(cta);
          }
          assertNull(trace.nextCta(), "a finished stream stays finished");
          commands.add(new Kernel(trace.launch(), trace.instructions().instructions(), ctas));
        }
      }
    }
    return new TracedProgram(commands);
  }

  private static int maxId(CtaTrace cta) {
    int max = -1;
    for (WarpTrace w : cta.warps()) {
      for (int i = 0; i < w.length(); i++) {
        max = Math.max(max, w.instructionId(i));
      }
    }
    return max;
  }

  static void assertSameProgram(TracedProgram expected, TracedProgram actual) {
    assertEquals(expected.commands().size(), actual.commands().size(), "command count");
    for (int i = 0; i < expected.commands().size(); i++) {
      Object e = expected.commands().get(i);
      Object a = actual.commands().get(i);
      if (e instanceof TraceCommand.Memcpy) {
        assertEquals(e, a, "command " + i);
      } else {
        assertTrue(a instanceof Kernel, "command " + i + " is a kernel");
        Kernel ek = (Kernel) e;
        Kernel ak = (Kernel) a;
        assertEquals(ek.launch(), ak.launch(), "launch of command " + i);
        assertEquals(ek.table(), ak.table(), "table of command " + i);
        assertEquals(ek.ctas().size(), ak.ctas().size(), "CTA count of command " + i);
        for (int c = 0; c < ek.ctas().size(); c++) {
          assertSameCta(ek.ctas().get(c), ak.ctas().get(c), "command " + i + " CTA " + c);
        }
      }
    }
  }

  static void assertSameCta(CtaTrace expected, CtaTrace actual, String where) {
    assertEquals(expected.ctaId(), actual.ctaId(), where + " id");
    assertEquals(expected.warps().size(), actual.warps().size(), where + " warp count");
    for (int w = 0; w < expected.warps().size(); w++) {
      WarpTrace e = expected.warps().get(w);
      WarpTrace a = actual.warps().get(w);
      assertEquals(e, a, where + " warp " + w);
    }
  }
}
