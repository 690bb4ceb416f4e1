package io.sassim.validation.profiler;

import java.util.Map;

/**
 * One kernel launch as Nsight Compute reported it.
 *
 * @param id the launch's ID column: the order in which the profiled process launched kernels
 * @param kernel the kernel name as printed
 * @param metrics every metric column that holds a number, by its full name
 *     ({@code gpc__cycles_elapsed.max})
 * @param line the launch's line in the CSV file, for messages
 */
public record NcuLaunch(int id, String kernel, Map<String, Double> metrics, int line)
    implements ProfiledLaunch {

  public NcuLaunch {
    metrics = Map.copyOf(metrics);
  }

  /** Whether this launch ran {@code entry}: the name as printed, or its demangled form. */
  @Override
  public boolean ran(String entry) {
    return NcuTable.ran(kernel, entry);
  }
}
