package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus launch on every target it is built for either runs to completion, or, for the few
 * listed in docs/emulator.md, stops at the instruction named there with a located message.
 */
class CorpusRunTest {

  private static final Map<String, String> KNOWN_GAPS = KnownGaps.STOPS;

  static Stream<Arguments> launches() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (Path p : CorpusFiles.withSuffix(".launch.yaml")) {
      LaunchSpec spec = LaunchSpecLoader.load(p);
      for (Architecture a : Architecture.values()) {
        if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
          out.add(Arguments.of(p.getFileName().toString(), a, spec));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("launches")
  void runsOrStopsWhereDocumented(String name, Architecture arch, LaunchSpec spec) throws Exception {
    Emulator e = Emulator.forLaunch(spec, arch);
    String gap = KNOWN_GAPS.get(name);
    try {
      EmulationResult r = e.run(null);
      assertEquals(null, gap, name + " was expected to stop at " + gap);
      assertTrue(r.warpInstructions() > 0);
      assertEquals(spec.buffers().size(), r.buffers().size());
    } catch (EmulationException x) {
      assertTrue(gap != null && x.getMessage().contains("unsupported instruction " + gap),
          x.getMessage());
      assertTrue(x.getMessage().contains("kernel " + spec.kernel() + ", PC 0x"), x.getMessage());
      assertTrue(x.line() > 0);
    }
  }
}
