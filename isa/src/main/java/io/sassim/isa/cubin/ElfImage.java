package io.sassim.isa.cubin;

import io.sassim.isa.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an ELF64 little-endian file a cubin needs: header, section headers and symbols.
 * Every offset and size is checked against the file length before it is used, so a truncated or
 * corrupt file ends in an {@link InputException} naming the byte offset, never in an exception
 * from the buffer.
 */
final class ElfImage {
  static final int SHT_SYMTAB = 2;
  static final int SHT_NOBITS = 8;
  /** NVIDIA's machine number for CUDA in e_machine. */
  static final int EM_CUDA = 190;

  record Section(int index, String name, int type, long flags, long offset, long size, int link, int info, long entsize) {}

  record Symbol(int index, String name, int info, int other, int shndx, long value, long size) {
    boolean isFunction() {
      return (info & 0xf) == 2;
    }
  }

  final String file;
  final ByteBuffer buf;
  final int flags;
  final int machine;
  final List<Section> sections;
  final List<Symbol> symbols;

  ElfImage(String file, byte[] bytes) throws InputException {
    this.file = file;
    this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
      throw new InputException(file, 0, "not an ELF file (no \\x7fELF magic at byte 0); expected a cubin from ptxas or cuobjdump -xelf");
    }
    need(0, 64, "ELF header");
    if (bytes[4] != 2) {
      throw new InputException(file, 0, "byte 4: ELF class " + bytes[4] + ", expected 2 (64-bit); cubins for sm_80+ are ELF64");
    }
    if (bytes[5] != 1) {
      throw new InputException(file, 0, "byte 5: ELF data encoding " + bytes[5] + ", expected 1 (little-endian)");
    }
    machine = u16(18);
    if (machine != EM_CUDA) {
      throw new InputException(file, 0, "byte 18: e_machine " + machine + " is not CUDA (" + EM_CUDA + "); this ELF is not a cubin");
    }
    flags = (int) u32(48);
    long shoff = u64(40);
    int shentsize = u16(58);
    int shnum = u16(60);
    int shstrndx = u16(62);
    if (shnum == 0) {
      throw new InputException(file, 0, "no section headers (e_shnum is 0)");
    }
    if (shentsize != 64) {
      throw new InputException(file, 0, "byte 58: section header size " + shentsize + ", expected 64");
    }
    need(shoff, (long) shnum * 64, "section header table");
    // The driver loads cubins through their program headers, so a cut-off table is corrupt too.
    long phoff = u64(32);
    int phnum = u16(56);
    if (phnum > 0) {
      need(phoff, (long) phnum * u16(54), "program header table");
    }
    if (shstrndx >= shnum) {
      throw new InputException(file, 0, "byte 62: section name table index " + shstrndx + " out of range (" + shnum + " sections)");
    }
    long[][] raw = new long[shnum][];
    for (int i = 0; i < shnum; i++) {
      long h = shoff + (long) i * 64;
      raw[i] = new long[] {u32(h), u32(h + 4), u64(h + 8), u64(h + 24), u64(h + 32), u32(h + 40), u32(h + 44), u64(h + 56)};
      if (raw[i][1] != SHT_NOBITS && raw[i][1] != 0) {
        need(raw[i][3], raw[i][4], "section " + i + " (header at byte " + h + ")");
      }
    }
    long[] strtab = raw[shstrndx];
    List<Section> secs = new ArrayList<>();
    for (int i = 0; i < shnum; i++) {
      long[] r = raw[i];
      String name = i == 0 ? "" : string(strtab[3], strtab[4], r[0], "name of section " + i);
      secs.add(new Section(i, name, (int) r[1], r[2], r[3], r[4], (int) r[5], (int) r[6], r[7]));
    }
    sections = List.copyOf(secs);
    symbols = readSymbols();
  }

  private List<Symbol> readSymbols() throws InputException {
    List<Symbol> out = new ArrayList<>();
    for (Section s : sections) {
      if (s.type() != SHT_SYMTAB) {
        continue;
      }
      if (s.entsize() != 24) {
        throw new InputException(file, 0, "section " + s.name() + ": symbol entry size " + s.entsize() + ", expected 24");
      }
      if (s.link() <= 0 || s.link() >= sections.size()) {
        throw new InputException(file, 0, "section " + s.name() + ": string table link " + s.link() + " out of range");
      }
      Section str = sections.get(s.link());
      long n = s.size() / 24;
      for (int i = 0; i < n; i++) {
        long at = s.offset() + 24L * i;
        String name = string(str.offset(), str.size(), u32(at), "name of symbol " + i);
        out.add(new Symbol(i, name, u8(at + 4), u8(at + 5), u16(at + 6), u64(at + 8), u64(at + 16)));
      }
    }
    return List.copyOf(out);
  }

  /** Fails unless [offset, offset+length) lies inside the file. */
  void need(long offset, long length, String what) throws InputException {
    if (offset < 0 || length < 0 || offset > buf.capacity() || length > buf.capacity() - offset) {
      throw new InputException(file, 0, what + " at byte " + offset + ", " + length + " bytes, runs past the end of the file (" + buf.capacity() + " bytes): truncated or corrupt cubin");
    }
  }

  private String string(long tableOffset, long tableSize, long index, String what) throws InputException {
    if (index >= tableSize) {
      throw new InputException(file, 0, what + ": string index " + index + " outside its string table (" + tableSize + " bytes at byte " + tableOffset + ")");
    }
    int start = (int) (tableOffset + index);
    int end = start;
    int limit = (int) (tableOffset + tableSize);
    while (end < limit && buf.get(end) != 0) {
      end++;
    }
    if (end == limit) {
      throw new InputException(file, 0, what + ": string at byte " + start + " is not terminated inside its table");
    }
    byte[] b = new byte[end - start];
    buf.get(start, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  int u8(long at) throws InputException {
    need(at, 1, "field");
    return buf.get((int) at) & 0xff;
  }

  int u16(long at) throws InputException {
    need(at, 2, "field");
    return buf.getShort((int) at) & 0xffff;
  }

  long u32(long at) throws InputException {
    need(at, 4, "field");
    return buf.getInt((int) at) & 0xffffffffL;
  }

  long u64(long at) throws InputException {
    need(at, 8, "field");
    long v = buf.getLong((int) at);
    if (v < 0) {
      throw new InputException(file, 0, "byte " + at + ": value " + Long.toUnsignedString(v) + " is too large for a cubin field");
    }
    return v;
  }

  Section section(String name) {
    for (Section s : sections) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
