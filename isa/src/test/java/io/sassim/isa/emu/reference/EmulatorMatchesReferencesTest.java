package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.emu.KnownGaps;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #4's acceptance: every corpus workload launch, on every target it is built for, leaves
 * in its output buffers what the plain-Java reference of its algorithm computes, exactly or
 * within the tolerance the reference documents.
 */
class EmulatorMatchesReferencesTest {

  private static final Map<String, WorkloadReference> REFERENCES = new HashMap<>();

  static {
    REFERENCES.putAll(ReferencesA.all());
    REFERENCES.putAll(ReferencesB.all());
  }

  static Stream<Arguments> launches() throws Exception {
    Path root = Path.of(System.getProperty("sassim.repoRoot", "..")).resolve("traces/kernels");
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".launch.yaml")).sorted().toList()) {
        String name = p.getFileName().toString();
        if (KnownGaps.STOPS.containsKey(name)) {
          continue;
        }
        LaunchSpec spec = LaunchSpecLoader.load(p);
        for (Architecture a : Architecture.values()) {
          if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
            out.add(Arguments.of(name, a, spec));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("launches")
  void outputsMatchTheReference(String name, Architecture arch, LaunchSpec spec) throws Exception {
    WorkloadReference reference = REFERENCES.get(name);
    assertTrue(reference != null, "no reference for " + name);
    Map<String, byte[]> initial = new HashMap<>();
    for (BufferArg b : spec.buffers()) {
      initial.put(b.name(), BufferContents.build(b));
    }
    Map<String, byte[]> expected = reference.expectedOutputs(spec, initial);
    EmulationResult result = Emulator.forLaunch(spec, arch).run(null);
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      String arg = e.getKey();
      byte[] want = e.getValue();
      byte[] got = result.buffers().get(arg);
      assertEquals(want.length, got.length, name + " " + arg + ": size");
      if (reference instanceof OrderFreeOutputs order) {
        want = order.canonical(arg, want, expected, initial);
        got = order.canonical(arg, got, result.buffers(), initial);
      }
      compare(name + " on " + arch + ", " + arg, spec, arg, reference.tolerance(arg), want, got);
    }
  }

  private static void compare(String what, LaunchSpec spec, String arg, Tolerance tolerance,
      byte[] want, byte[] got) {
    BufferArg buffer = spec.buffers().stream().filter(b -> b.name().equals(arg)).findFirst()
        .orElseThrow();
    ByteBuffer w = ByteBuffer.wrap(want).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer g = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
    int n = want.length / buffer.type().bytes();
    int bad = 0;
    String first = null;
    for (int i = 0; i < n; i++) {
      Number a = buffer.type().get(w);
      Number b = buffer.type().get(g);
      boolean ok = tolerance.isExact()
          ? java.util.Arrays.equals(want, i * buffer.type().bytes(), (i + 1) * buffer.type().bytes(),
              got, i * buffer.type().bytes(), (i + 1) * buffer.type().bytes())
          : tolerance.accepts(a.doubleValue(), b.doubleValue());
      if (!ok) {
        bad++;
        if (first == null) {
          first = "element " + i + ": expected " + a + ", emulated " + b;
        }
      }
    }
    if (bad > 0) {
      fail(what + ": " + bad + " of " + n + " elements differ (" + tolerance.why() + "); first "
          + first);
    }
  }
}
