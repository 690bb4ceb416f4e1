package io.sassim.isa.cubin;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cubin (the ELF64 file ptxas writes) into a {@link Cubin}: target, and per kernel the
 * registers, shared and local memory, parameter layout and constant banks the launch model needs.
 * The {@code .nv.info} encoding is undocumented; only attributes checked against
 * {@code cuobjdump -elf} output are interpreted (see {@link NvInfoAttribute}).
 */
public final class CubinReader {
  /** Cubins are kilobytes to a few megabytes; refuse to pull anything absurd into memory. */
  private static final long MAX_BYTES = 256L << 20;
  /** e_flags bit ptxas sets for the architecture-specific "a" targets (sm_90a). */
  private static final int EF_CUDA_ACCELERATORS = 0x800;
  private static final Pattern CONSTANT_BANK = Pattern.compile("\\.nv\\.constant([0-9]+)(?:\\.(.+))?");

  private CubinReader() {}

  public static Cubin read(Path path) throws InputException {
    return parse(path.toString(), readBytes(path));
  }

  /** The instruction words of every kernel of the cubin at {@code path}, in section order. */
  public static List<KernelCode> readCode(Path path) throws InputException {
    return parseCode(path.toString(), readBytes(path));
  }

  /**
   * The instruction words of every kernel, read from its {@code .text.<name>} section. The target
   * is checked as in {@link #parse}, since only sm_70+ code is 128 bits per instruction.
   */
  public static List<KernelCode> parseCode(String file, byte[] bytes) throws InputException {
    ElfImage elf = new ElfImage(file, bytes);
    architecture(file, elf.flags);
    List<KernelCode> out = new ArrayList<>();
    for (ElfImage.Section text : elf.sections) {
      if (!text.name().startsWith(".text.") || text.name().length() == 6) {
        continue;
      }
      if (text.type() == ElfImage.SHT_NOBITS || text.size() % 16 != 0) {
        throw new InputException(file, 0, "section " + text.name() + ": " + text.size()
            + " bytes of code, not a whole number of 16-byte instructions");
      }
      elf.need(text.offset(), text.size(), "section " + text.name());
      long[] words = new long[(int) (sectionSize(elf, text) / 8)];
      for (int i = 0; i < words.length; i++) {
        words[i] = elf.buf.getLong((int) (text.offset() + 8L * i));
      }
      out.add(new KernelCode(text.name().substring(6), words));
    }
    return List.copyOf(out);
  }

  /**
   * The initial bytes of every constant bank section of the cubin at {@code path}: bank 2
   * (compiler constants, jump tables) and bank 3 ({@code __constant__} data) are what the emulator
   * needs. Keyed by bank number; {@code kernel} selects the {@code .nv.constantN.<kernel>}
   * sections, null the module-wide ones. A bank without file contents reads as zeros.
   */
  public static Map<Integer, byte[]> readConstantBanks(Path path, String kernel) throws InputException {
    ElfImage elf = new ElfImage(path.toString(), readBytes(path));
    Map<Integer, byte[]> out = new TreeMap<>();
    for (ElfImage.Section s : elf.sections) {
      Matcher m = CONSTANT_BANK.matcher(s.name());
      if (!m.matches() || !Objects.equals(m.group(2), kernel)) {
        continue;
      }
      byte[] data = new byte[sectionSize(elf, s)];
      if (s.type() != ElfImage.SHT_NOBITS) {
        elf.need(s.offset(), s.size(), "section " + s.name());
        elf.buf.get((int) s.offset(), data);
      }
      out.put(parseBank(elf, s, m.group(1)), data);
    }
    return out;
  }

  /** ELF relocation type of a 64-bit absolute address in CUDA cubins (R_CUDA_64). */
  private static final int R_CUDA_64 = 2;
  private static final Pattern CONSTANT_RELOCATIONS = Pattern.compile("\\.rela?\\.nv\\.constant([0-9]+)(?:\\.(.+))?");

  /**
   * The {@code __device__} variables of the cubin at {@code path} and the constant-bank words
   * that hold their addresses (for {@code kernel}'s banks and the module's).
   */
  public static DeviceGlobals readDeviceGlobals(Path path, String kernel) throws InputException {
    ElfImage elf = new ElfImage(path.toString(), readBytes(path));
    ElfImage.Section init = elf.section(".nv.global.init");
    ElfImage.Section zeroed = elf.section(".nv.global");
    byte[] initBytes = new byte[init == null ? 0 : sectionSize(elf, init)];
    if (init != null && init.type() != ElfImage.SHT_NOBITS) {
      elf.need(init.offset(), init.size(), "section .nv.global.init");
      elf.buf.get((int) init.offset(), initBytes);
    }
    List<DeviceGlobals.Relocation> relocations = new ArrayList<>();
    for (ElfImage.Section s : elf.sections) {
      Matcher m = CONSTANT_RELOCATIONS.matcher(s.name());
      if (!m.matches() || (m.group(2) != null && !m.group(2).equals(kernel))) {
        continue;
      }
      int bank = parseBank(elf, s, m.group(1));
      elf.need(s.offset(), s.size(), "section " + s.name());
      ElfImage.Section target = s.info() > 0 && s.info() < elf.sections.size() ? elf.sections.get(s.info()) : null;
      // REL entries keep the addend in the patched word; RELA entries (sm_90) carry it.
      boolean rela = s.name().startsWith(".rela.");
      int entry = rela ? 24 : 16;
      for (long at = s.offset(); at + entry <= s.offset() + s.size(); at += entry) {
        long offset = elf.buf.getLong((int) at);
        long info = elf.buf.getLong((int) at + 8);
        int type = (int) info;
        int symbol = (int) (info >>> 32);
        if (symbol >= elf.symbols.size() || (type != R_CUDA_64 && isVariable(elf, symbol, init, zeroed))) {
          throw new InputException(path, 0, s.name() + ": relocation type " + type + " of symbol " + symbol
              + " is not a 64-bit address the emulator can resolve");
        }
        ElfImage.Symbol y = elf.symbols.get(symbol);
        boolean inInit = init != null && y.shndx() == init.index();
        boolean inZeroed = zeroed != null && y.shndx() == zeroed.index();
        if (!inInit && !inZeroed) {
          // An external function such as vprintf: nothing here can resolve it. The word stays 0,
          // and the code that would call through it is an unsupported CALL.ABS anyway.
          continue;
        }
        long addend = rela ? elf.buf.getLong((int) at + 16) : 0;
        if (!rela && target != null && target.type() != ElfImage.SHT_NOBITS && offset + 8 <= target.size()) {
          addend = elf.buf.getLong((int) (target.offset() + offset));
        }
        relocations.add(new DeviceGlobals.Relocation(bank, (int) offset, inZeroed, y.value() + addend));
      }
    }
    return new DeviceGlobals(initBytes, zeroed == null ? 0 : sectionSize(elf, zeroed), relocations);
  }

  private static boolean isVariable(ElfImage elf, int symbol, ElfImage.Section init, ElfImage.Section zeroed) {
    int shndx = elf.symbols.get(symbol).shndx();
    return (init != null && shndx == init.index()) || (zeroed != null && shndx == zeroed.index());
  }

  private static byte[] readBytes(Path path) throws InputException {
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new InputException(path, 0, "file is " + size + " bytes, larger than any cubin (limit " + MAX_BYTES + ")");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new InputException(path.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  public static Cubin parse(String file, byte[] bytes) throws InputException {
    ElfImage elf = new ElfImage(file, bytes);
    Architecture arch = architecture(file, elf.flags);

    // Module-wide .nv.info: per-function attributes keyed by symbol index.
    Map<Long, Integer> regCount = new HashMap<>();
    Map<Long, Integer> frame = new HashMap<>();
    Map<Long, Integer> minStack = new HashMap<>();
    ElfImage.Section info = elf.section(".nv.info");
    if (info != null) {
      for (NvInfoAttribute a : NvInfoAttribute.parse(elf, info)) {
        Map<Long, Integer> target = switch (a.code()) {
          case NvInfoAttribute.REGCOUNT -> regCount;
          case NvInfoAttribute.FRAME_SIZE -> frame;
          case NvInfoAttribute.MIN_STACK_SIZE -> minStack;
          default -> null;
        };
        if (target == minStack && a.word(elf, ".nv.info", 1) == UNDETERMINED) {
          // ptxas writes all ones when recursion or an indirect call leaves the depth unknown.
          target.put(a.word(elf, ".nv.info", 0), CubinKernel.UNBOUNDED_STACK);
        } else if (target != null) {
          target.put(a.word(elf, ".nv.info", 0), toInt(elf, a, a.word(elf, ".nv.info", 1)));
        }
      }
    }

    Map<Integer, Integer> moduleBanks = new TreeMap<>();
    Map<String, Map<Integer, Integer>> kernelBanks = new HashMap<>();
    for (ElfImage.Section s : elf.sections) {
      Matcher m = CONSTANT_BANK.matcher(s.name());
      if (m.matches()) {
        int bank = parseBank(elf, s, m.group(1));
        int size = sectionSize(elf, s);
        if (m.group(2) == null) {
          moduleBanks.put(bank, size);
        } else {
          kernelBanks.computeIfAbsent(m.group(2), k -> new TreeMap<>()).put(bank, size);
        }
      }
    }

    Map<Integer, ElfImage.Symbol> functionBySection = new HashMap<>();
    for (ElfImage.Symbol y : elf.symbols) {
      if (y.isFunction() && elf.sections.size() > y.shndx()
          && elf.sections.get(y.shndx()).name().equals(".text." + y.name())) {
        functionBySection.put(y.shndx(), y);
      }
    }
    List<CubinKernel> kernels = new ArrayList<>();
    for (ElfImage.Section text : elf.sections) {
      if (!text.name().startsWith(".text.") || text.name().length() == 6) {
        continue;
      }
      String name = text.name().substring(6);
      ElfImage.Symbol sym = functionBySection.get(text.index());
      Long symIndex = sym == null ? null : (long) sym.index();
      // sm_8x also stores the register count in the top byte of sh_info; sm_90 leaves it 0 and
      // only .nv.info has it.
      int regs = symIndex != null && regCount.containsKey(symIndex) ? regCount.get(symIndex) : text.info() >>> 24;
      ElfImage.Section shared = elf.section(".nv.shared." + name);
      kernels.add(kernel(elf, name, text, regs,
          shared == null ? 0 : sectionSize(elf, shared),
          symIndex == null ? 0 : frame.getOrDefault(symIndex, 0),
          symIndex == null ? 0 : minStack.getOrDefault(symIndex, 0),
          kernelBanks.getOrDefault(name, Map.of())));
    }
    return new Cubin(file, arch, elf.flags, kernels, moduleBanks);
  }

  private static CubinKernel kernel(ElfImage elf, String name, ElfImage.Section text, int regs,
      int shared, int frame, int minStack, Map<Integer, Integer> banks) throws InputException {
    String infoName = ".nv.info." + name;
    ElfImage.Section info = elf.section(infoName);
    int paramBank = 0;
    int paramBase = 0;
    int paramBytes = 0;
    int maxRegs = 0;
    List<KernelParameter> params = new ArrayList<>();
    List<Integer> exits = new ArrayList<>();
    List<Integer> maxThreads = new ArrayList<>();
    if (info != null) {
      for (NvInfoAttribute a : NvInfoAttribute.parse(elf, info)) {
        switch (a.code()) {
          case NvInfoAttribute.PARAM_CBANK -> {
            // Word 0: symbol of the .nv.constantN.<kernel> section; word 1: size << 16 | offset.
            long symbol = a.word(elf, infoName, 0);
            long packed = a.word(elf, infoName, 1);
            paramBase = (int) (packed & 0xffff);
            paramBank = bankOfSymbol(elf, infoName, a, symbol);
          }
          case NvInfoAttribute.CBANK_PARAM_SIZE -> paramBytes = a.inlineValue();
          case NvInfoAttribute.MAXREG_COUNT -> maxRegs = a.inlineValue();
          case NvInfoAttribute.KPARAM_INFO -> {
            // Word 0: index; word 1: ordinal (low 16) and offset (high 16); word 2: size in
            // bits 18-31, the rest flags (cbank, space, pointee alignment).
            long w1 = a.word(elf, infoName, 1);
            long w2 = a.word(elf, infoName, 2);
            params.add(new KernelParameter((int) (w1 & 0xffff), (int) (w1 >>> 16), (int) (w2 >>> 18)));
          }
          case NvInfoAttribute.EXIT_INSTR_OFFSETS -> {
            for (int i = 0; i < a.words(); i++) {
              exits.add(toInt(elf, a, a.word(elf, infoName, i)));
            }
          }
          case NvInfoAttribute.MAX_THREADS -> {
            for (int i = 0; i < 3; i++) {
              maxThreads.add(toInt(elf, a, a.word(elf, infoName, i)));
            }
          }
          default -> { }
        }
      }
    }
    params.sort(Comparator.comparingInt(KernelParameter::ordinal));
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).ordinal() != i) {
        throw new InputException(elf.file, 0, infoName + ": parameter ordinals are not 0.." + (params.size() - 1) + " (found " + params.get(i).ordinal() + " at position " + i + ")");
      }
    }
    int textBytes = sectionSize(elf, text);
    return new CubinKernel(name, regs, shared, frame, minStack, paramBank, paramBase, paramBytes,
        params, banks, textBytes, textBytes / 16, exits, maxThreads, maxRegs);
  }

  private static int bankOfSymbol(ElfImage elf, String section, NvInfoAttribute a, long symbol)
      throws InputException {
    if (symbol < elf.symbols.size()) {
      ElfImage.Symbol y = elf.symbols.get((int) symbol);
      if (y.shndx() > 0 && y.shndx() < elf.sections.size()) {
        Matcher m = CONSTANT_BANK.matcher(elf.sections.get(y.shndx()).name());
        if (m.matches()) {
          return parseBank(elf, elf.sections.get(y.shndx()), m.group(1));
        }
      }
    }
    throw new InputException(elf.file, 0, section + ": EIATTR_PARAM_CBANK at byte " + a.offset() + " names symbol " + symbol + ", which is not a constant bank section");
  }

  static Architecture architecture(String file, int flags) throws InputException {
    int sm = flags & 0xff;
    Architecture arch = Architecture.parse(Integer.toString(sm));
    if (arch == null) {
      throw new InputException(file, 0, "e_flags 0x" + Integer.toHexString(flags) + " name sm_" + sm + ", which sassim does not model (sm_80, sm_86, sm_89, sm_90, sm_90a)");
    }
    if ((flags & EF_CUDA_ACCELERATORS) != 0) {
      if (arch != Architecture.SM_90) {
        throw new InputException(file, 0, "e_flags 0x" + Integer.toHexString(flags) + " mark an arch-specific target sm_" + sm + "a, which sassim does not model");
      }
      arch = Architecture.SM_90A;
    }
    return arch;
  }

  private static int parseBank(ElfImage elf, ElfImage.Section s, String digits) throws InputException {
    if (digits.length() > 2) {
      throw new InputException(elf.file, 0, "section " + s.name() + ": constant bank number out of range");
    }
    return Integer.parseInt(digits);
  }

  private static int sectionSize(ElfImage elf, ElfImage.Section s) throws InputException {
    if (s.size() > Integer.MAX_VALUE) {
      throw new InputException(elf.file, 0, "section " + s.name() + " claims " + s.size() + " bytes");
    }
    return (int) s.size();
  }

  /** A 32-bit attribute value of all ones: "cannot be statically determined". */
  private static final long UNDETERMINED = 0xffffffffL;

  private static int toInt(ElfImage elf, NvInfoAttribute a, long v) throws InputException {
    if (v > Integer.MAX_VALUE) {
      throw new InputException(elf.file, 0, "attribute 0x" + Integer.toHexString(a.code()) + " at byte " + a.offset() + ": value " + v + " out of range");
    }
    return (int) v;
  }
}
