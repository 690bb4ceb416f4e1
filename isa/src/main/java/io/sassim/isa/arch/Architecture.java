package io.sassim.isa.arch;

import java.util.Locale;

/** The SASS targets sassim models. The name is the ptxas/cuobjdump spelling, e.g. {@code sm_86}. */
public enum Architecture {
  SM_80("sm_80", "Ampere GA100"),
  SM_86("sm_86", "Ampere GA10x"),
  SM_89("sm_89", "Ada AD10x"),
  SM_90("sm_90", "Hopper GH100"),
  /** Hopper with the architecture-specific features (wgmma, TMA); same core as sm_90. */
  SM_90A("sm_90a", "Hopper GH100 (arch-specific)");

  private final String smName;
  private final String description;

  Architecture(String smName, String description) {
    this.smName = smName;
    this.description = description;
  }

  /** The ptxas spelling: sm_80, sm_86, sm_89, sm_90, sm_90a. */
  public String smName() {
    return smName;
  }

  public String description() {
    return description;
  }

  /** Parses {@code sm_86}, {@code SM86}, {@code 86} and the like; returns null when unknown. */
  public static Architecture parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("sm_", "").replace("sm", "");
    for (Architecture a : values()) {
      if (a.smName.substring(3).equals(t)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return smName;
  }
}
