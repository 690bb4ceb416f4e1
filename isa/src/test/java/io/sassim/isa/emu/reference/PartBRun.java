package io.sassim.isa.emu.reference;

import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.launch.ScalarArg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A committed part-B launch spec, its initial buffers and the outputs its reference expects. */
final class PartBRun {
  final LaunchSpec spec;
  final Map<String, byte[]> initial;
  final WorkloadReference reference;
  final Map<String, byte[]> expected;

  private PartBRun(LaunchSpec spec, Map<String, byte[]> initial, WorkloadReference reference) {
    this.spec = spec;
    this.initial = initial;
    this.reference = reference;
    this.expected = reference.expectedOutputs(spec, initial);
  }

  /** traces/kernels/NAME/NAME.launch.yaml through its {@link ReferencesB} entry. */
  static PartBRun of(String kernel) throws Exception {
    LaunchSpec spec = load(kernel);
    return new PartBRun(spec, initialBuffers(spec), reference(kernel));
  }

  /** The same spec with different initial buffers (by name; the rest as the spec builds them). */
  static PartBRun withBuffers(String kernel, Map<String, byte[]> replaced) throws Exception {
    LaunchSpec spec = load(kernel);
    Map<String, byte[]> initial = initialBuffers(spec);
    initial.putAll(replaced);
    return new PartBRun(spec, initial, reference(kernel));
  }

  /** {@code spec} run through {@code kernel}'s reference. */
  static PartBRun of(String kernel, LaunchSpec spec) throws Exception {
    return new PartBRun(spec, initialBuffers(spec), reference(kernel));
  }

  static LaunchSpec load(String kernel) throws Exception {
    return LaunchSpecLoader.load(
        CorpusFiles.file("traces/kernels/" + kernel + "/" + kernel + ".launch.yaml"));
  }

  static WorkloadReference reference(String kernel) {
    return ReferencesB.all().get(kernel + ".launch.yaml");
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
    return new LaunchSpec(spec.source(), spec.kernel(), spec.binary(), spec.archs(), spec.grid(),
        spec.block(), spec.dynamicSharedBytes(), spec.repeat(), args);
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
    return new LaunchSpec(spec.source(), spec.kernel(), spec.binary(), spec.archs(), spec.grid(),
        spec.block(), spec.dynamicSharedBytes(), spec.repeat(), args);
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  static int[] ints(byte[] b) {
    int[] v = new int[b.length / 4];
    le(b).asIntBuffer().get(v);
    return v;
  }

  static long[] longs(byte[] b) {
    long[] v = new long[b.length / 8];
    le(b).asLongBuffer().get(v);
    return v;
  }

  static short[] shorts(byte[] b) {
    short[] v = new short[b.length / 2];
    le(b).asShortBuffer().get(v);
    return v;
  }

  static float[] floats(byte[] b) {
    float[] v = new float[b.length / 4];
    le(b).asFloatBuffer().get(v);
    return v;
  }

  static double[] doubles(byte[] b) {
    double[] v = new double[b.length / 8];
    le(b).asDoubleBuffer().get(v);
    return v;
  }

  static byte[] bytes(int[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(v);
    return b.array();
  }

  int[] inInts(String name) {
    return ints(initial.get(name));
  }

  float[] inFloats(String name) {
    return floats(initial.get(name));
  }

  int[] outInts(String name) {
    return ints(expected.get(name));
  }

  float[] outFloats(String name) {
    return floats(expected.get(name));
  }
}
