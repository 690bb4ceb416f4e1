package io.sassim.traces.accelsim;

/**
 * The instruction-line layouts of the Accel-Sim NVBit tracer versions this reader accepts, chosen
 * from the header's {@code -accelsim tracer version}.
 */
enum TracerFormat {
  /** 1.2 (2020): every line of the .traceg still starts with "ctaX ctaY ctaZ warp". */
  LEGACY(true, Immediate.NONE),
  /** 3 (2020-2022): prefix stripped, address modes 0, 1 and 2. */
  V3(false, Immediate.NONE),
  /** 4 (2022): optional source line number; since late 2023 an optional trailing immediate. */
  V4(false, Immediate.OPTIONAL),
  /** 5 (2024): the trailing immediate is always written. */
  V5(false, Immediate.REQUIRED);

  /** Whether a line may, or must, end with the static instruction's immediate. */
  enum Immediate {
    NONE,
    OPTIONAL,
    REQUIRED
  }

  final boolean ctaPrefix;
  final Immediate immediate;

  TracerFormat(boolean ctaPrefix, Immediate immediate) {
    this.ctaPrefix = ctaPrefix;
    this.immediate = immediate;
  }

  /**
   * The format for a header value such as {@code 1.2} or {@code 5}, or null when unsupported.
   * Accel-Sim reads the number with an integer scan, so 1.2 counts as 1 and any 1.x or 2.x as
   * the legacy layout.
   */
  static TracerFormat of(String version) {
    int dot = version.indexOf('.');
    String whole = dot < 0 ? version : version.substring(0, dot);
    if (dot >= 0 && !allDigits(version.substring(dot + 1))) {
      return null;
    }
    return switch (whole) {
      case "1", "2" -> LEGACY;
      case "3" -> V3;
      case "4" -> V4;
      case "5" -> V5;
      default -> null;
    };
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
