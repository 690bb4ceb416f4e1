package io.sassim.isa.cubin;

import io.sassim.isa.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a {@code .nv.info} or {@code .nv.info.<kernel>} section: a format byte, an
 * attribute code byte and a 16-bit field that is either the value (formats 2 and 3) or the byte
 * length of the value that follows (format 4). The codes below are those we matched against the
 * EIATTR names {@code cuobjdump -elf} prints for kernels with known parameters, shared and local
 * memory, compiled with ptxas 12.4; other codes are kept as raw records and ignored.
 *
 * @param offset byte offset of the record in the file, for error messages
 */
record NvInfoAttribute(int format, int code, long offset, long valueOffset, int valueLength, int inlineValue) {
  static final int FMT_NVAL = 1;
  static final int FMT_BVAL = 2;
  static final int FMT_HVAL = 3;
  static final int FMT_SVAL = 4;

  static final int MAX_THREADS = 0x05;
  static final int PARAM_CBANK = 0x0a;
  static final int FRAME_SIZE = 0x11;
  static final int MIN_STACK_SIZE = 0x12;
  static final int KPARAM_INFO = 0x17;
  static final int CBANK_PARAM_SIZE = 0x19;
  static final int MAXREG_COUNT = 0x1b;
  static final int EXIT_INSTR_OFFSETS = 0x1c;
  static final int REGCOUNT = 0x2f;
  static final int CUDA_API_VERSION = 0x37;

  static List<NvInfoAttribute> parse(ElfImage elf, ElfImage.Section s) throws InputException {
    List<NvInfoAttribute> out = new ArrayList<>();
    long at = s.offset();
    long end = s.offset() + s.size();
    while (at < end) {
      if (end - at < 4) {
        throw new InputException(elf.file, 0, s.name() + ": record at byte " + at + " is cut off by the end of the section");
      }
      int format = elf.u8(at);
      int code = elf.u8(at + 1);
      int field = elf.u16(at + 2);
      switch (format) {
        case FMT_NVAL, FMT_BVAL, FMT_HVAL -> {
          out.add(new NvInfoAttribute(format, code, at, at + 2, 0, field));
          at += 4;
        }
        case FMT_SVAL -> {
          if (field > end - at - 4) {
            throw new InputException(elf.file, 0, s.name() + ": record at byte " + at + " claims " + field + " value bytes, past the end of the section");
          }
          out.add(new NvInfoAttribute(format, code, at, at + 4, field, 0));
          at += 4 + field;
        }
        default -> throw new InputException(elf.file, 0, s.name() + ": record at byte " + at + " has unknown format " + format + " (expected 1-4)");
      }
    }
    return out;
  }

  /** The i-th 32-bit word of a format-4 value. */
  long word(ElfImage elf, String section, int i) throws InputException {
    if (format != FMT_SVAL || 4 * (i + 1) > valueLength) {
      throw new InputException(elf.file, 0, section + ": attribute 0x" + Integer.toHexString(code) + " at byte " + offset + " is too short (" + valueLength + " value bytes)");
    }
    return elf.u32(valueOffset + 4L * i);
  }

  int words() {
    return valueLength / 4;
  }
}
