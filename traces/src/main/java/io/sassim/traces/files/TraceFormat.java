package io.sassim.traces.files;

/** The on-disk trace formats sassim reads and writes. */
public enum TraceFormat {
  /** Accel-Sim NVBit text: a folder with kernelslist.g and kernel-N.traceg[.xz] files. */
  ACCELSIM,
  /** sassim's compressed, indexed binary format: one file per traced program. */
  NATIVE;

  /** Parses a CLI spelling, {@code native} or {@code accelsim}, ignoring case. */
  public static TraceFormat parse(String text) {
    for (TraceFormat f : values()) {
      if (f.name().equalsIgnoreCase(text)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown trace format '" + text + "' (native or accelsim)");
  }
}
