package io.sassim.isa.sass;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code cuobjdump -sass} output: corpus listings with {@code // sassim:} header lines and
 * raw output alike. Handles several functions and several {@code code for sm_XX} sections per file,
 * and encoding-only line pairs. Each instruction is two lines:
 *
 * <pre>
 *   /*0040*&#47;   IMAD R9, R9, UR4, R0 ;   /* 0x0000000409097c24 *&#47;
 *                                          /* 0x002fe2000f8e0200 *&#47;
 * </pre>
 *
 * Any malformed, truncated or out-of-sequence input raises an {@link InputException} naming the file
 * and line.
 */
public final class SassParser {

  private static final String HEADER_PREFIX = "// sassim:";

  private final String file;
  private final Map<String, String> header = new LinkedHashMap<>();
  private final List<Kernel> kernels = new ArrayList<>();
  private Architecture listingArch;
  private Architecture sectionArch;

  // The function being read.
  private String kernelName;
  private List<Instruction> instructions;
  private int nextPc;

  // An instruction whose high encoding word is the next line.
  private int pendingLine;
  private int pendingPc;
  private InstructionSyntax.Parsed pendingText;
  private long pendingLow;

  private SassParser(String file) {
    this.file = file;
  }

  /** Parses a listing file; the path as given names it in messages. */
  public static SassListing parse(Path path) throws InputException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(path.toString(), 0, "no such file", e);
    } catch (IOException e) {
      throw new InputException(path.toString(), 0, "cannot read listing: " + e, e);
    } catch (RuntimeException e) {
      // Malformed UTF-8 and the like.
      throw new InputException(path.toString(), 0, "not a text listing: " + e.getMessage(), e);
    }
    return parse(path.toString(), text);
  }

  /** Parses listing text; {@code source} names it in messages. */
  public static SassListing parse(String source, String text) throws InputException {
    SassParser p = new SassParser(source);
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        p.line(line, ++n);
      }
      p.finish(n);
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read listing: " + e.getMessage(), e);
    }
    if (p.kernels.isEmpty()) {
      throw new InputException(source, 0, "no functions found (expected cuobjdump -sass output)");
    }
    return new SassListing(source, p.listingArch, p.header, p.kernels);
  }

  private InputException error(int line, String problem) {
    return new InputException(file, line, problem);
  }

  private void line(String raw, int n) throws InputException {
    String s = raw.strip();
    if (pendingLine != 0) {
      if (!isEncodingComment(s)) {
        throw error(n, "expected the high encoding word of the instruction on line " + pendingLine
            + ", found '" + abbreviate(s) + "'");
      }
      completePending(encodingWord(s, n), n);
      return;
    }
    if (s.isEmpty()) {
      return;
    }
    if (s.startsWith("//")) {
      if (s.startsWith(HEADER_PREFIX) && kernels.isEmpty() && kernelName == null) {
        headerLine(s.substring(HEADER_PREFIX.length()).strip(), n);
      }
      return;
    }
    if (s.startsWith("/*") && s.length() > 2 && s.charAt(2) != ' ') {
      instructionLine(s, n);
    } else if (isEncodingComment(s)) {
      // An encoding-only pair: the disassembler printed no PC and no mnemonic.
      requireFunction(n);
      pendingLine = n;
      pendingPc = nextPc;
      pendingText = null;
      pendingLow = encodingWord(s, n);
    } else if (s.startsWith("code for ")) {
      requireClosed(n);
      String name = s.substring("code for ".length()).strip();
      sectionArch = Architecture.parse(name);
      if (sectionArch == null) {
        throw error(n, "unknown architecture '" + name
            + "' (sassim models sm_80, sm_86, sm_89, sm_90 and sm_90a)");
      }
      String declared = header.get("arch");
      if (declared != null && Architecture.parse(declared) != sectionArch) {
        throw error(n, "'code for " + name + "' contradicts the header line 'arch " + declared + "'");
      }
      if (listingArch == null) {
        listingArch = sectionArch;
      }
    } else if (s.startsWith("Function :") || s.startsWith("Function:")) {
      requireClosed(n);
      String name = s.substring(s.indexOf(':') + 1).strip();
      if (name.isEmpty() || name.indexOf(' ') >= 0) {
        throw error(n, "malformed function name in '" + s + "'");
      }
      if (sectionArch == null) {
        sectionArch = headerArch(n);
        listingArch = sectionArch;
      }
      kernelName = name;
      instructions = new ArrayList<>();
      nextPc = 0;
    } else if (s.startsWith(".headerflags") || s.startsWith(".section") || isDots(s)) {
      // .headerflags carries ELF flags already implied by the code-for line; the dotted line ends a
      // function.
      if (isDots(s)) {
        endKernel();
      }
    } else if (isFatbinPreamble(s)) {
      return;
    } else {
      throw error(n, "malformed line '" + abbreviate(s) + "'");
    }
  }

  private void headerLine(String rest, int n) throws InputException {
    int space = rest.indexOf(' ');
    String key = space < 0 ? rest : rest.substring(0, space);
    String value = space < 0 ? "" : rest.substring(space + 1).strip();
    if (key.isEmpty()) {
      throw error(n, "empty '// sassim:' header line");
    }
    header.putIfAbsent(key, value);
    if (key.equals("arch") && Architecture.parse(value) == null) {
      throw error(n, "unknown architecture '" + value
          + "' (sassim models sm_80, sm_86, sm_89, sm_90 and sm_90a)");
    }
  }

  private Architecture headerArch(int n) throws InputException {
    String a = header.get("arch");
    if (a == null) {
      throw error(n, "function before any 'code for sm_XX' line: the architecture is unknown");
    }
    return Architecture.parse(a);
  }

  /** {@code /*0040*&#47; [@P0] OPCODE operands ; /* 0x... *&#47;} */
  private void instructionLine(String s, int n) throws InputException {
    requireFunction(n);
    int close = s.indexOf("*/");
    if (close < 0) {
      throw error(n, "malformed PC comment in '" + abbreviate(s) + "'");
    }
    String pcText = s.substring(2, close).strip();
    int pc = parsePc(pcText, n);
    if (pc != nextPc) {
      throw error(n, String.format("PC 0x%04x out of sequence: expected 0x%04x (instructions are 16 bytes apart)", pc, nextPc));
    }
    int enc = s.lastIndexOf("/*");
    if (enc <= close || !isEncodingComment(s.substring(enc))) {
      throw error(n, "instruction line has no encoding comment '/* 0x... */'");
    }
    String body = s.substring(close + 2, enc).strip();
    int semi = body.lastIndexOf(';');
    if (semi < 0 || !body.substring(semi + 1).isBlank()) {
      throw error(n, "instruction text does not end with ';'");
    }
    pendingText = InstructionSyntax.parse(body.substring(0, semi), file, n);
    pendingLow = encodingWord(s.substring(enc), n);
    pendingPc = pc;
    pendingLine = n;
  }

  private int parsePc(String text, int n) throws InputException {
    if (text.isEmpty() || text.length() > 7) {
      throw error(n, "malformed PC '" + text + "'");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        throw error(n, "malformed PC '" + text + "'");
      }
    }
    return Integer.parseInt(text, 16);
  }

  private void completePending(long high, int n) {
    InstructionSyntax.Parsed t = pendingText;
    Instruction in;
    if (t == null) {
      in = new Instruction(kernelName, pendingPc, Guard.NONE, "", List.of(), List.of(),
          pendingLow, high, ControlBits.decode(high), pendingLine);
    } else {
      in = new Instruction(kernelName, pendingPc, t.guard(), t.opcode(), t.modifiers(),
          t.operands(), pendingLow, high, ControlBits.decode(high), pendingLine);
    }
    instructions.add(in);
    nextPc = pendingPc + 16;
    pendingText = null;
    pendingLine = 0;
  }

  private void requireFunction(int n) throws InputException {
    if (kernelName == null) {
      throw error(n, "instruction outside a function (no 'Function : name' line before it)");
    }
  }

  private void requireClosed(int n) throws InputException {
    if (kernelName != null) {
      throw error(n, "function '" + kernelName + "' does not end with cuobjdump's '..........' line");
    }
  }

  private void endKernel() {
    if (kernelName != null) {
      kernels.add(new Kernel(kernelName, sectionArch, instructions));
      kernelName = null;
      instructions = null;
    }
  }

  private void finish(int lastLine) throws InputException {
    if (pendingLine != 0) {
      throw error(pendingLine, "truncated listing: the instruction on this line has no high encoding word");
    }
    if (kernelName != null) {
      // cuobjdump closes every function with a dotted line; without it the file was cut short.
      throw error(lastLine, "truncated listing: function '" + kernelName
          + "' does not end with cuobjdump's '..........' line");
    }
  }

  /** {@code /* 0x000e240000000800 *&#47;} */
  private static boolean isEncodingComment(String s) {
    return s.startsWith("/* 0x") && s.endsWith("*/");
  }

  private long encodingWord(String s, int n) throws InputException {
    String hex = s.substring(5, s.length() - 2).strip();
    if (hex.length() != 16) {
      throw error(n, "encoding word '0x" + hex + "' must have 16 hex digits");
    }
    for (int i = 0; i < 16; i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw error(n, "malformed encoding word '0x" + hex + "'");
      }
    }
    return Long.parseUnsignedLong(hex, 16);
  }

  private static boolean isDots(String s) {
    return s.length() >= 3 && isAll(s, '.');
  }

  private static boolean isAll(String s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  /** Lines cuobjdump prints before each embedded ELF when reading an executable or fatbin. */
  private static boolean isFatbinPreamble(String s) {
    return s.startsWith("Fatbin ") || isAll(s, '=')
        || s.startsWith("arch = ") || s.startsWith("code version = ") || s.startsWith("host = ")
        || s.startsWith("compile_size = ") || s.startsWith("identifier = ");
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
