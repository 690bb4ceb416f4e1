package io.sassim.isa.emu.reference;

import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A committed launch spec, its initial buffers, and what its reference expects of it. */
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

  /** traces/kernels/DIR/FILE, run through its entry in {@link ReferencesA#all()}. */
  static SpecRun of(String dir, String file) throws Exception {
    Path p = CorpusFiles.file("traces/kernels/" + dir + "/" + file);
    return of(p, ReferencesA.all().get(file));
  }

  static SpecRun of(Path specFile, WorkloadReference reference) throws Exception {
    LaunchSpec spec = LaunchSpecLoader.load(specFile);
    return new SpecRun(spec, initialBuffers(spec), reference);
  }

  static Map<String, byte[]> initialBuffers(LaunchSpec spec) throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (BufferArg b : spec.buffers()) {
      m.put(b.name(), BufferContents.build(b));
    }
    return m;
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static int[] ints(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    le(bytes).asIntBuffer().get(out);
    return out;
  }

  static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    le(bytes).asFloatBuffer().get(out);
    return out;
  }

  static double[] doubles(byte[] bytes) {
    double[] out = new double[bytes.length / 8];
    le(bytes).asDoubleBuffer().get(out);
    return out;
  }

  static short[] shorts(byte[] bytes) {
    short[] out = new short[bytes.length / 2];
    le(bytes).asShortBuffer().get(out);
    return out;
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

  int intScalar(String name) {
    return new LaunchData(spec, initial, spec.kernel()).intScalar(name);
  }
}
