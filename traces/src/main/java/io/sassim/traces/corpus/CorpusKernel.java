package io.sassim.traces.corpus;

import java.nio.file.Path;
import java.util.List;

/**
 * One corpus source file and what the SASS toolchain builds from it: a cubin and a cuobjdump
 * listing per target, plus the launch specs that sit beside it.
 *
 * @param name the source's base name ({@code sgemm_tiled} for {@code sgemm_tiled.cu})
 * @param source the {@code .cu} file
 * @param archs the targets it is built for, e.g. {@code sm_80 ... sm_90} or just {@code sm_90a}
 * @param launchSpecs the {@code NAME.launch.yaml} and {@code NAME.<variant>.launch.yaml} files
 */
public record CorpusKernel(String name, Path source, List<String> archs, List<Path> launchSpecs) {

  public CorpusKernel {
    archs = List.copyOf(archs);
    launchSpecs = List.copyOf(launchSpecs);
  }

  /** The cuobjdump listing for {@code arch}, whether or not it exists. */
  public Path listing(String arch) {
    return source.resolveSibling(name + "." + arch + ".sass");
  }

  /** The cubin for {@code arch}, whether or not it exists. */
  public Path cubin(String arch) {
    return source.resolveSibling(name + "." + arch + ".cubin");
  }

  public boolean builtFor(String arch) {
    return archs.contains(arch);
  }
}
