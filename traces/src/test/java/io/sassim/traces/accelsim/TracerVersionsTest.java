package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.WarpTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same real trace spelled as tracer 3, 4 with line numbers, and 4 decodes to the same
 * instructions; version-specific parts (line numbers) come through, and the reader rejects what a
 * version cannot contain.
 */
class TracerVersionsTest {

  @TempDir Path tmp;

  private static List<String> original() throws Exception {
    return Files.readAllLines(SharedTraces.require("vectoradd-gtx1080-v4/trace/kernel-1.traceg"));
  }

  private static boolean isInstruction(String line) {
    return !line.isBlank() && Character.digit(line.charAt(0), 16) >= 0 && !line.startsWith("insts")
        && line.indexOf(' ') == 4;
  }

  private Path write(String name, List<String> lines) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, lines);
    return p;
  }

  private static List<CtaTrace> read(Path file) throws InputException {
    List<CtaTrace> ctas = new ArrayList<>();
    try (KernelTrace trace = AccelSimTraces.openKernel(file)) {
      for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
        ctas.add(cta);
      }
    }
    return ctas;
  }

  @Test
  void tracerThreeReadsLikeFour() throws Exception {
    List<String> v3 = new ArrayList<>();
    for (String line : original()) {
      if (line.startsWith("-enable lineinfo")) {
        continue; // tracer 3 has no such header line
      }
      v3.add(line.replace("-accelsim tracer version = 4", "-accelsim tracer version = 3"));
    }
    List<CtaTrace> four = read(SharedTraces.require("vectoradd-gtx1080-v4/trace/kernel-1.traceg"));
    List<CtaTrace> three = read(write("v3.traceg", v3));
    assertEquals(four, three);
  }

  @Test
  void lineNumbersOfTracerFourAreKept() throws Exception {
    List<String> numbered = new ArrayList<>();
    int n = 0;
    for (String line : original()) {
      if (line.startsWith("-enable lineinfo")) {
        numbered.add("-enable lineinfo = 1");
      } else if (isInstruction(line)) {
        numbered.add((100 + (n++ % 7)) + " " + line);
      } else {
        numbered.add(line);
      }
    }
    Path file = write("lineinfo.traceg", numbered);
    try (KernelTrace trace = AccelSimTraces.openKernel(file)) {
      assertTrue(trace.launch().lineInfo());
      CtaTrace cta = trace.nextCta();
      assertNotNull(cta);
      WarpTrace warp0 = cta.warps().get(0);
      assertEquals(100, trace.instructions().get(warp0.instructionId(0)).lineNumber());
      assertEquals(101, trace.instructions().get(warp0.instructionId(1)).lineNumber());
    }
    // Without line numbers the streams are otherwise identical.
    List<CtaTrace> plain = read(SharedTraces.require("vectoradd-gtx1080-v4/trace/kernel-1.traceg"));
    List<CtaTrace> withLines = read(file);
    assertEquals(plain.get(0).warpInstructions(), withLines.get(0).warpInstructions());
  }

  @Test
  void versionSixIsRefusedWithItsHeaderLine() throws Exception {
    List<String> lines = original();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("-accelsim tracer version")) {
        header = i;
        lines.set(i, "-accelsim tracer version = 6");
      }
    }
    Path file = write("v6.traceg", lines);
    InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> read(file));
    assertEquals(file.toString(), e.file());
    assertEquals(header + 1, e.line());
  }
}
