package io.sassim.isa.emu;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Corpus launches for the emulator tests: load, run, and view buffers as typed arrays. */
final class Launches {
  static final List<Architecture> ARCHS =
      List.of(Architecture.SM_80, Architecture.SM_86, Architecture.SM_89, Architecture.SM_90);

  private Launches() {}

  static LaunchSpec spec(String relative) throws Exception {
    return LaunchSpecLoader.load(CorpusFiles.file(relative));
  }

  /** The spec of corpus workload {@code name} ({@code traces/kernels/NAME/NAME.launch.yaml}). */
  static LaunchSpec workload(String name) throws Exception {
    return spec("traces/kernels/" + name + "/" + name + ".launch.yaml");
  }

  static EmulationResult run(LaunchSpec spec, Architecture arch) throws Exception {
    return Emulator.forLaunch(spec, arch).run(null);
  }

  /** The initial contents of buffer {@code name} as the spec builds them. */
  static ByteBuffer initial(LaunchSpec spec, String name) throws Exception {
    for (BufferArg b : spec.buffers()) {
      if (b.name().equals(name)) {
        return le(BufferContents.build(b));
      }
    }
    throw new IllegalArgumentException(name);
  }

  static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static int[] ints(ByteBuffer b) {
    int[] out = new int[b.capacity() / 4];
    b.asIntBuffer().get(out);
    return out;
  }

  static float[] floats(ByteBuffer b) {
    float[] out = new float[b.capacity() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  static int[] ints(byte[] b) {
    return ints(le(b));
  }

  static float[] floats(byte[] b) {
    return floats(le(b));
  }
}
