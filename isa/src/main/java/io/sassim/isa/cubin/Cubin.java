package io.sassim.isa.cubin;

import io.sassim.isa.arch.Architecture;
import java.util.List;
import java.util.Map;

/**
 * A compiled CUDA module as {@link CubinReader} reads it.
 *
 * @param file where it was read from
 * @param architecture target from e_flags
 * @param elfFlags e_flags as written, for diagnostics
 * @param kernels in section order
 * @param constantBankBytes module-wide banks (e.g. bank 3, user {@code __constant__} data) → size
 */
public record Cubin(
    String file,
    Architecture architecture,
    int elfFlags,
    List<CubinKernel> kernels,
    Map<Integer, Integer> constantBankBytes) {

  public Cubin {
    kernels = List.copyOf(kernels);
    constantBankBytes = Map.copyOf(constantBankBytes);
  }

  /** The kernel called {@code name}, or null. */
  public CubinKernel kernel(String name) {
    for (CubinKernel k : kernels) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }
}
