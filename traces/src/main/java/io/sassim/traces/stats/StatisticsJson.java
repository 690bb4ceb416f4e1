package io.sassim.traces.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code sassim trace stats --json}: one JSON object whose fields are the components of {@link
 * TraceStatistics}, {@link KernelStatistics} and {@link MemoryStatistics}, so scripts can rely on
 * {@code kernels[].name}, {@code kernels[].warpInstructions}, {@code totalWarpInstructions} and
 * the rest. Unknown values are {@code null}.
 */
public final class StatisticsJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatisticsJson() {}

  /** The statistics as pretty-printed JSON, ending in a newline. */
  public static String render(TraceStatistics stats) {
    try {
      return MAPPER.writeValueAsString(stats) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      // Records of strings, numbers and maps always serialise; failing here is a defect.
      throw new IllegalStateException("cannot write statistics as JSON", e);
    }
  }
}
