package io.sassim.isa.sass;

import io.sassim.isa.arch.Architecture;
import java.util.List;
import java.util.Map;

/**
 * A parsed cuobjdump listing.
 *
 * @param source file the listing came from (as given to the parser, for messages)
 * @param architecture target of the first {@code code for sm_XX} section
 * @param header the {@code // sassim: key value} lines of a corpus listing (empty for raw cuobjdump
 *     output); keys are {@code generated}, {@code source}, {@code cubin}, {@code arch}, {@code tools}
 * @param kernels the functions in listing order
 */
public record SassListing(
    String source, Architecture architecture, Map<String, String> header, List<Kernel> kernels) {

  public SassListing {
    header = Map.copyOf(header);
    kernels = List.copyOf(kernels);
  }

  /** The kernel with this (possibly mangled) name, or null. */
  public Kernel kernel(String name) {
    for (Kernel k : kernels) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  public int instructionCount() {
    int n = 0;
    for (Kernel k : kernels) {
      n += k.size();
    }
    return n;
  }
}
