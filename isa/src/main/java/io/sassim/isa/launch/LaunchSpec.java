package io.sassim.isa.launch;

import io.sassim.isa.arch.Architecture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One kernel launch, completely described: binary, kernel, geometry and every argument with its
 * initial contents. Loaded by {@link LaunchSpecLoader}; see docs/launch-spec.md.
 *
 * @param source the spec file; relative paths inside it resolve against its folder
 * @param binary the binary path as written, possibly containing {@code {arch}}
 * @param archs targets the spec is restricted to; empty means every target with a binary
 * @param repeat launches per measurement on hardware
 */
public record LaunchSpec(
    Path source,
    String kernel,
    String binary,
    List<Architecture> archs,
    Dim3 grid,
    Dim3 block,
    int dynamicSharedBytes,
    int repeat,
    List<KernelArg> args) {

  public LaunchSpec {
    archs = List.copyOf(archs);
    args = List.copyOf(args);
  }

  /** The binary for {@code arch}: {@code {arch}} expanded, resolved against the spec's folder. */
  public Path binaryFor(Architecture arch) {
    Path dir = source.toAbsolutePath().getParent();
    return dir.resolve(binary.replace("{arch}", arch.smName())).normalize();
  }

  /** True unless {@code archs} restricts the spec to other targets. */
  public boolean appliesTo(Architecture arch) {
    return archs.isEmpty() || archs.contains(arch);
  }

  /** The buffer arguments in parameter order. */
  public List<BufferArg> buffers() {
    return args.stream()
        .filter(BufferArg.class::isInstance)
        .map(BufferArg.class::cast)
        .toList();
  }

  /** The buffer receiving a microbenchmark's clock deltas, if this is a microbenchmark. */
  public Optional<BufferArg> clocksBuffer() {
    return buffers().stream().filter(BufferArg::clocks).findFirst();
  }
}
