package io.sassim.validation.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's name for provenance. Read from the kernel rather than through DNS: the GPU hosts
 * have no network, and a reverse lookup there could stall the capture.
 */
final class HostName {
  private HostName() {}

  static String get() {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc not mounted: fall through to the environment
    }
    String env = System.getenv("HOSTNAME");
    return env == null || env.isBlank() ? "unknown" : env;
  }
}
