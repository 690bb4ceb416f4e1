package io.sassim.traces.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.traces.SharedTraces;
import io.sassim.traces.TraceAssertions;
import io.sassim.traces.TraceTexts;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Issue #3: Accel-Sim -> native -> Accel-Sim is lossless on every shared trace. Each program is
 * converted with {@link TraceFiles#copy} as {@code sassim trace convert} does, then the original,
 * the native file and the Accel-Sim copy are read side by side and compared instruction by
 * instruction.
 */
class RoundTripTest {

  /** The warp instructions of each shared program, so that no comparison passes on nothing. */
  private static final Map<String, Long> WARP_INSTRUCTIONS = Map.of(
      SharedTraces.TURING, 46_941L,
      SharedTraces.VECTORADD, 344L,
      SharedTraces.MATRIXMUL, 4_416L,
      SharedTraces.FLASHINFER, 6_451L);

  @TempDir Path dir;

  @ParameterizedTest
  @FieldSource("io.sassim.traces.SharedTraces#PROGRAMS")
  void accelSimToNativeToAccelSimIsLossless(String program) throws Exception {
    Path list = SharedTraces.require(program + "/kernelslist.g");
    Path nativeFile = dir.resolve("program.sstrace");
    Path folder = dir.resolve("accelsim");
    try (TraceSource original = TraceFiles.open(list);
        TraceWriter writer = TraceFiles.writer(nativeFile, TraceFormat.NATIVE, false)) {
      TraceFiles.copy(original, writer);
    }
    assertEquals(TraceFormat.NATIVE, TraceFiles.formatOf(nativeFile));
    try (TraceSource converted = TraceFiles.open(nativeFile);
        TraceWriter writer = TraceFiles.writer(folder, TraceFormat.ACCELSIM, false)) {
      TraceFiles.copy(converted, writer);
    }

    try (TraceSource original = TraceFiles.open(list);
        TraceSource converted = TraceFiles.open(nativeFile);
        TraceSource back = TraceFiles.open(folder)) {
      // The native file keeps everything, the tracer version included.
      assertEquals(WARP_INSTRUCTIONS.get(program),
          TraceAssertions.assertSameProgram(original, converted, null));
      // The Accel-Sim writer states tracer version 4, the layout it writes; all else is kept.
      assertEquals(WARP_INSTRUCTIONS.get(program),
          TraceAssertions.assertSameProgram(original, back, "4"));
      // Tracer 4 and 5 files come back line for line; tracer 1.2 lines lose their prefix.
      if (!program.equals(SharedTraces.TURING)) {
        long kernels = original.commands().stream().filter(TraceCommand.Kernel.class::isInstance)
            .count();
        assertEquals(kernels, TraceTexts.assertSameKernelTexts(original, back));
      }
    }
  }
}
