package io.sassim.validation.reference;

import java.nio.file.Path;
import java.util.List;

/**
 * The published values for one GPU: one file in validation/reference.
 *
 * @param gpu the GPU as the sources name it
 * @param arch its target, e.g. {@code sm_90}; it may be one the corpus is not built for
 * @param smCount its SM count; null when no source at hand states it
 */
public record ReferenceDataset(Path file, String gpu, String arch, Integer smCount,
    List<ReferenceValue> values) {

  public ReferenceDataset {
    values = List.copyOf(values);
  }
}
