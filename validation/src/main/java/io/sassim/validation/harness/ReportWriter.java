package io.sassim.validation.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sassim.isa.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the capture file atomically: to a temporary file in the same folder, then renamed over
 * the target. A capture killed mid-write (the global timeout) leaves the previous complete copy.
 */
final class ReportWriter {
  static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  static void write(Path target, CaptureReport report) throws IOException {
    AtomicFiles.write(target, JSON.writeValueAsBytes(report));
  }
}
