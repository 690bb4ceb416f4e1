package io.sassim.validation.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVIDIA driver release (such as 580.159.04). The driver API only reports the CUDA version
 * the driver implements, so the release is read from the kernel module's version file.
 */
final class NvidiaDriver {
  static final Path VERSION_FILE = Path.of("/proc/driver/nvidia/version");

  // "NVRM version: NVIDIA UNIX x86_64 Kernel Module  580.159.04  Release Build ..." and the open
  // module's "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  ...".
  private static final Pattern RELEASE =
      Pattern.compile("NVRM version:.*?Kernel Module(?: for \\S+)?\\s+(\\d+\\.\\d+(?:\\.\\d+)?)\\b");

  private NvidiaDriver() {}

  /** The release of the loaded driver, or null where there is none (a machine without a GPU). */
  static String version() {
    try {
      return parse(Files.readString(VERSION_FILE));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The release named in the text of the version file, or null. */
  static String parse(String versionFile) {
    Matcher m = RELEASE.matcher(versionFile);
    return m.find() ? m.group(1) : null;
  }
}
