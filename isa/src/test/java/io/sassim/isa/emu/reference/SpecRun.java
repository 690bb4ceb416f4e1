package io.sassim.isa.emu.reference;

import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.launch.ScalarArg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A committed launch spec (or a variant of one), its initial buffers, and what its reference
 * expects of it. References come from {@link ReferencesA} or {@link ReferencesB}, whichever
 * registers the spec's file name.
 */
final class SpecRun {
  final LaunchSpec spec;
  final Map<String, byte[]> initial;
  final WorkloadReference reference;
  final Map<String, byte[]> expected;

  private SpecRun(LaunchSpec spec, Map<String, byte[]> initial, WorkloadReference reference) {
    this.spec = spec;
    this.initial = initial;
    this.reference = reference;
    this.expected = reference.expectedOutputs(spec, initial);
  }

  /** traces/kernels/DIR/FILE, run through its registered reference. */
  static SpecRun of(String dir, String file) throws Exception {
    Path p = CorpusFiles.file("traces/kernels/" + dir + "/" + file);
    return of(p, reference(file));
  }

  static SpecRun of(Path specFile, WorkloadReference reference) throws Exception {
    LaunchSpec spec = LaunchSpecLoader.load(specFile);
    return new SpecRun(spec, initialBuffers(spec), reference);
  }

  /** traces/kernels/NAME/NAME.launch.yaml, run through its registered reference. */
  static SpecRun of(String kernel) throws Exception {
    return of(kernel, load(kernel));
  }

  /** {@code spec}, often a variant of a committed one, run through {@code kernel}'s reference. */
  static SpecRun of(String kernel, LaunchSpec spec) throws Exception {
    return new SpecRun(spec, initialBuffers(spec), reference(kernel + ".launch.yaml"));
  }

  /** NAME's spec with different initial buffers (by name; the rest as the spec builds them). */
  static SpecRun withBuffers(String kernel, Map<String, byte[]> replaced) throws Exception {
    LaunchSpec spec = load(kernel);
    Map<String, byte[]> initial = initialBuffers(spec);
    initial.putAll(replaced);
    return new SpecRun(spec, initial, reference(kernel + ".launch.yaml"));
  }

  /** traces/kernels/NAME/NAME.launch.yaml. */
  static LaunchSpec load(String kernel) throws Exception {
    return LaunchSpecLoader.load(
        CorpusFiles.file("traces/kernels/" + kernel + "/" + kernel + ".launch.yaml"));
  }

  private static WorkloadReference reference(String specFile) {
    WorkloadReference r = ReferencesA.all().get(specFile);
    if (r == null) {
      r = ReferencesB.all().get(specFile);
    }
    if (r == null) {
      throw new IllegalArgumentException("no reference registered for " + specFile);
    }
    return r;
  }

  static Map<String, byte[]> initialBuffers(LaunchSpec spec) throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (BufferArg b : spec.buffers()) {
      m.put(b.name(), BufferContents.build(b));
    }
    return m;
  }

  /** {@code spec} with buffer {@code name} resized to {@code count} elements. */
  static LaunchSpec resized(LaunchSpec spec, String name, long count) {
    List<KernelArg> args = new ArrayList<>();
    for (KernelArg a : spec.args()) {
      if (a instanceof BufferArg b && b.name().equals(name)) {
        args.add(new BufferArg(name, b.type(), count, b.init(), b.output(), b.clocks()));
      } else {
        args.add(a);
      }
    }
    return withArgs(spec, args);
  }

  /** {@code spec} with scalar {@code name} set to {@code value}. */
  static LaunchSpec withScalar(LaunchSpec spec, String name, long value) {
    List<KernelArg> args = new ArrayList<>();
    for (KernelArg a : spec.args()) {
      if (a instanceof ScalarArg s && s.name().equals(name)) {
        args.add(new ScalarArg(name, s.type(), value));
      } else {
        args.add(a);
      }
    }
    return withArgs(spec, args);
  }

  private static LaunchSpec withArgs(LaunchSpec spec, List<KernelArg> args) {
    return new LaunchSpec(spec.source(), spec.kernel(), spec.binary(), spec.archs(), spec.grid(),
        spec.block(), spec.dynamicSharedBytes(), spec.repeat(), args);
  }

  int[] inInts(String name) {
    return LittleEndian.ints(initial.get(name));
  }

  float[] inFloats(String name) {
    return LittleEndian.floats(initial.get(name));
  }

  int[] outInts(String name) {
    return LittleEndian.ints(expected.get(name));
  }

  float[] outFloats(String name) {
    return LittleEndian.floats(expected.get(name));
  }

  int intScalar(String name) {
    return new LaunchData(spec, initial, spec.kernel()).intScalar(name);
  }
}
