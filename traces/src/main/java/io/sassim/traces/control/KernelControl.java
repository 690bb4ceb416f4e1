package io.sassim.traces.control;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.sass.ControlBits;
import java.util.ArrayList;
import java.util.List;

/**
 * The control fields of one compiled kernel, indexed by PC / 16, with the mnemonic printed at each
 * PC where a listing gave one. Built from a listing, a cubin, or both merged after checking that
 * they agree.
 */
public final class KernelControl {

  private final String name;
  private final Architecture architecture;
  private final List<String> files;
  private final int[] controls;
  private final String[] mnemonics;

  /**
   * @param controls the 21-bit field ({@link ControlBits#encode()}) of the instruction at PC
   *     {@code 16 * i}
   * @param mnemonics the opcode with modifiers at each PC, or null entries where unknown (a cubin
   *     has no disassembly)
   */
  KernelControl(
      String name, Architecture architecture, List<String> files, int[] controls, String[] mnemonics) {
    this.name = name;
    this.architecture = architecture;
    this.files = List.copyOf(files);
    this.controls = controls;
    this.mnemonics = mnemonics;
  }

  /** The mangled kernel name. */
  public String name() {
    return name;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** {@code CU_FUNC_ATTRIBUTE_BINARY_VERSION} of this build: 80, 86, 89, or 90 (sm_90 and sm_90a). */
  public int binaryVersion() {
    return binaryVersion(architecture);
  }

  static int binaryVersion(Architecture a) {
    return Integer.parseInt(a.smName().substring(3, 5));
  }

  /** The listings and cubins this kernel was read from. */
  public List<String> files() {
    return files;
  }

  public int instructionCount() {
    return controls.length;
  }

  /** True when {@code pc} names an instruction of this kernel. */
  public boolean hasPc(int pc) {
    return pc >= 0 && (pc & 0xF) == 0 && (pc >> 4) < controls.length;
  }

  /** The packed control field at {@code pc}; see {@link #hasPc}. */
  public int control(int pc) {
    return controls[pc >> 4];
  }

  /** The listed mnemonic at {@code pc} ({@code IMAD.MOV.U32}), or null when no listing gave one. */
  public String mnemonic(int pc) {
    return mnemonics[pc >> 4];
  }

  /** The last PC, for messages. */
  int lastPc() {
    return (controls.length - 1) * 16;
  }

  /**
   * This kernel and {@code other}, the same kernel read from another file, as one: mnemonics from
   * whichever has them. Fails unless both have the same instructions with the same control bits,
   * which catches a listing and a cubin from different builds.
   */
  KernelControl mergedWith(KernelControl other) throws InputException {
    String where = other.files.get(0);
    if (other.controls.length != controls.length) {
      throw new InputException(where, 0, "kernel '" + name + "' (" + architecture + ") has "
          + other.controls.length + " instructions here but " + controls.length + " in "
          + String.join(", ", files) + ": the inputs are not the same build");
    }
    String[] merged = mnemonics.clone();
    for (int i = 0; i < controls.length; i++) {
      if (other.controls[i] != controls[i]) {
        throw new InputException(where, 0, String.format(
            "kernel '%s' (%s), PC 0x%04x: control %s here but %s in %s: the inputs are not the same"
                + " build", name, architecture, 16 * i, format(other.controls[i]),
            format(controls[i]), String.join(", ", files)));
      }
      if (merged[i] == null) {
        merged[i] = other.mnemonics[i];
      }
    }
    List<String> allFiles = new ArrayList<>(files);
    allFiles.addAll(other.files);
    return new KernelControl(name, architecture, allFiles, controls, merged);
  }

  /** The control field as {@code sassim sass} prints it. */
  static String format(int control) {
    return ControlBits.decode((long) control << 41).format();
  }

  @Override
  public String toString() {
    return name + " (" + architecture + ", " + controls.length + " instructions from "
        + String.join(", ", files) + ")";
  }
}
