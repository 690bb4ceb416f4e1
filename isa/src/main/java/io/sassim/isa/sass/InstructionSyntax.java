package io.sassim.isa.sass;

import io.sassim.isa.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one instruction, {@code [@guard] OPCODE.MODS operand, operand, ...}, as
 * printed between the PC comment and the semicolon (sass-semantics.md §0.3). Every problem becomes
 * an {@link InputException} naming the listing file and line.
 */
final class InstructionSyntax {

  /** Whatever the instruction line holds besides PC and encoding. */
  record Parsed(Guard guard, String opcode, List<String> modifiers, List<Operand> operands) {}

  /** What may follow the closing bar of an absolute value: {@code .reuse}, then a lane-pair swizzle. */
  private static final Pattern AFTER_ABSOLUTE =
      Pattern.compile("(\\.reuse)?(?:\\.(H0_H0|H1_H1|H0_H1|H1_H0))?");

  private final String file;
  private final int line;

  private InstructionSyntax(String file, int line) {
    this.file = file;
    this.line = line;
  }

  static Parsed parse(String text, String file, int line) throws InputException {
    return new InstructionSyntax(file, line).parse(text);
  }

  private InputException error(String problem) {
    return new InputException(file, line, problem);
  }

  private Parsed parse(String text) throws InputException {
    String s = text.strip();
    Guard guard = Guard.NONE;
    if (s.startsWith("@")) {
      int end = firstSpace(s);
      if (end < 0) {
        throw error("guard '" + s + "' is not followed by an instruction");
      }
      guard = parseGuard(s.substring(1, end));
      s = s.substring(end).stripLeading();
    }
    int end = firstSpace(s);
    String mnemonic = end < 0 ? s : s.substring(0, end);
    String rest = end < 0 ? "" : s.substring(end).strip();
    if (mnemonic.isEmpty()) {
      throw error("missing opcode");
    }
    String[] parts = mnemonic.split("\\.", -1);
    String opcode = parts[0];
    if (!isOpcodeName(opcode)) {
      throw error("malformed opcode '" + opcode + "'");
    }
    List<String> modifiers = new ArrayList<>(parts.length - 1);
    for (int i = 1; i < parts.length; i++) {
      if (!isWord(parts[i])) {
        throw error("malformed modifier '." + parts[i] + "' in '" + mnemonic + "'");
      }
      modifiers.add(parts[i]);
    }
    List<String> tokens = splitOperands(rest);
    boolean branch = takesBranchTargets(opcode, modifiers);
    Operand[] operands = new Operand[tokens.size()];
    for (int i = 0; i < operands.length; i++) {
      operands[i] = operand(tokens.get(i), branch);
    }
    OperandWidths.apply(opcode, modifiers, operands);
    return new Parsed(guard, opcode, modifiers, List.of(operands));
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isOpcodeName(String s) {
    if (s.isEmpty() || !(s.charAt(0) >= 'A' && s.charAt(0) <= 'Z')) {
      return false;
    }
    return isWord(s);
  }

  /** Letters, digits and underscores: opcode names and modifiers ({@code F16x2}, {@code 8x8x4}). */
  private static boolean isWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Opcodes whose hex operands are code addresses rather than numbers. */
  private static boolean takesBranchTargets(String opcode, List<String> modifiers) {
    return switch (opcode) {
      case "BRA", "BRX", "BSSY", "CALL", "JMP", "JMX", "RET" -> true;
      case "WARPSYNC" -> modifiers.contains("COLLECTIVE");
      default -> false;
    };
  }

  private Guard parseGuard(String g) throws InputException {
    boolean negated = g.startsWith("!");
    String name = negated ? g.substring(1) : g;
    RegisterOperand r = registerOrNull(name);
    if (r == null || !r.file().isPredicate()) {
      throw error("malformed guard predicate '@" + g + "'");
    }
    return new Guard(r.file(), r.index(), negated);
  }

  /** Splits at commas outside brackets and braces. */
  private List<String> splitOperands(String rest) throws InputException {
    List<String> out = new ArrayList<>();
    if (rest.isEmpty()) {
      return out;
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth < 0) {
          throw error("unbalanced '" + c + "' in operands '" + rest + "'");
        }
      } else if (c == ',' && depth == 0) {
        out.add(operandToken(rest, start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw error("unbalanced brackets in operands '" + rest + "'");
    }
    out.add(operandToken(rest, start, rest.length()));
    return out;
  }

  private String operandToken(String rest, int from, int to) throws InputException {
    String t = rest.substring(from, to).strip();
    if (t.isEmpty()) {
      throw error("empty operand in '" + rest + "'");
    }
    return t;
  }

  private Operand operand(String t, boolean branch) throws InputException {
    if (t.indexOf("c[") >= 0 && t.indexOf(' ') >= 0) {
      // FP16x2 instructions print constants as 'c[0x0] [0x178]'.
      t = t.replace(" ", "");
    }
    int space = firstSpace(t);
    if (space > 0 && t.charAt(0) != '{') {
      // RET.REL.NODEC R20 0x0, BRX R2 -0x2d0: register and offset without a comma.
      RegisterOperand base = registerOrNull(t.substring(0, space));
      String off = t.substring(space).strip();
      if (base == null || base.file() != RegisterFile.R || !isHex(off)) {
        throw error("unparseable operand '" + t + "'");
      }
      return new RelativeTarget(base.withCount(2), hexValue(off));
    }
    char c0 = t.charAt(0);
    if (c0 == '{') {
      return scoreboardSet(t);
    }
    if (t.startsWith("desc[") || c0 == '[') {
      return memory(t);
    }
    if (isNumber(t)) {
      if (isHex(t)) {
        long v = hexValue(t);
        if (branch) {
          if (v < 0 || v > Integer.MAX_VALUE || (v & 0xF) != 0) {
            throw error("branch target " + t + " is not a 16-byte aligned code address");
          }
          return new BranchTarget((int) v);
        }
        return new IntImmediate(t, v);
      }
      return new FloatImmediate(t, floatValue(t));
    }
    if (t.equals("PR") || t.equals("UPR")) {
      return new PredicateFileOperand(c0 == 'U');
    }
    if (t.startsWith("SR_") || t.equals("SRZ")) {
      if (!isSpecialName(t)) {
        throw error("malformed special register '" + t + "'");
      }
      return new SpecialRegisterOperand(t);
    }
    if (t.startsWith("gdesc[") && t.endsWith("]")) {
      RegisterOperand r = registerOrNull(t.substring(6, t.length() - 1));
      if (r == null || r.file() != RegisterFile.UR) {
        throw error("matrix descriptor must be a uniform register in '" + t + "'");
      }
      return new MatrixDescriptor(r.withCount(4));
    }
    if (t.length() > 3 && t.startsWith("gsb") && allDigits(t, 3)) {
      return new WarpgroupScoreboard(smallNumber(t, 3, 0));
    }
    if (t.length() > 2 && t.startsWith("SB") && allDigits(t, 2)) {
      return new ScoreboardOperand(smallNumber(t, 2, 5));
    }
    if (t.length() > 1 && c0 == 'B' && allDigits(t, 1)) {
      return new ConvergenceBarrier(smallNumber(t, 1, 15));
    }
    return flaggedOperand(t);
  }

  /** Registers and constant references with their {@code - ~ ! |...|} decorations. */
  private Operand flaggedOperand(String t) throws InputException {
    int i = 0;
    boolean negated = false;
    boolean inverted = false;
    if (i < t.length() && t.charAt(i) == '-') {
      negated = true;
      i++;
    }
    if (i < t.length() && (t.charAt(i) == '~' || t.charAt(i) == '!')) {
      inverted = true;
      i++;
    }
    boolean absolute = false;
    String inner;
    String after = "";
    if (i < t.length() && t.charAt(i) == '|') {
      int close = t.indexOf('|', i + 1);
      if (close < 0) {
        throw error("unclosed '|' in operand '" + t + "'");
      }
      absolute = true;
      inner = t.substring(i + 1, close);
      after = t.substring(close + 1);
    } else {
      inner = t.substring(i);
    }
    if (inner.startsWith("c[")) {
      if (!after.isEmpty()) {
        throw error("unexpected '" + after + "' after constant operand '" + t + "'");
      }
      return constant(inner, negated, absolute, inverted, t);
    }
    RegisterOperand r = registerOrNull(inner);
    if (r == null) {
      throw error("unparseable operand '" + t + "'");
    }
    if (!after.isEmpty()) {
      // Behind the bars cuobjdump prints the reuse flag and then a lane-pair swizzle
      // (|R13|.reuse.H0_H0 in HSETP2); anything else there is not a form we know.
      Matcher m = AFTER_ABSOLUTE.matcher(after);
      boolean twice = (m.matches() && m.group(1) != null && r.reuse())
          || (m.matches() && m.group(2) != null && r.swizzle() != null);
      if (!m.matches() || twice) {
        throw error("unexpected '" + after + "' after '|" + inner + "|'");
      }
      String swizzle = m.group(2) != null ? m.group(2) : r.swizzle();
      r = new RegisterOperand(
          r.file(), r.index(), 1, false, false, false, r.reuse() || m.group(1) != null, swizzle, r.suffix());
    }
    if (inverted && r.file().isPredicate() != (t.charAt(negated ? 1 : 0) == '!')) {
      throw error("'" + t + "': use '!' for predicates and '~' for registers");
    }
    return new RegisterOperand(
        r.file(), r.index(), 1, negated, absolute, inverted, r.reuse(), r.swizzle(), r.suffix());
  }

  /** {@code R4}, {@code URZ}, {@code P3}, {@code UPT} with {@code .suffix} parts; null if not a register. */
  private RegisterOperand registerOrNull(String t) throws InputException {
    int dot = t.indexOf('.');
    String name = dot < 0 ? t : t.substring(0, dot);
    RegisterFile file;
    int index;
    switch (name) {
      case "RZ" -> {
        file = RegisterFile.R;
        index = 255;
      }
      case "URZ" -> {
        file = RegisterFile.UR;
        index = 63;
      }
      case "PT" -> {
        file = RegisterFile.P;
        index = 7;
      }
      case "UPT" -> {
        file = RegisterFile.UP;
        index = 7;
      }
      default -> {
        int digits;
        if (name.startsWith("UR")) {
          file = RegisterFile.UR;
          digits = 2;
        } else if (name.startsWith("UP")) {
          file = RegisterFile.UP;
          digits = 2;
        } else if (name.startsWith("R")) {
          file = RegisterFile.R;
          digits = 1;
        } else if (name.startsWith("P")) {
          file = RegisterFile.P;
          digits = 1;
        } else {
          return null;
        }
        if (name.length() == digits || !allDigits(name, digits) || name.length() - digits > 3) {
          return null;
        }
        index = Integer.parseInt(name.substring(digits));
        if (index >= file.zeroIndex()) {
          throw error("register " + name + " does not exist (highest is " + file.name(file.zeroIndex() - 1) + ")");
        }
      }
    }
    boolean reuse = false;
    String swizzle = null;
    String suffix = null;
    if (dot >= 0) {
      for (String part : t.substring(dot + 1).split("\\.", -1)) {
        if (!isWord(part)) {
          throw error("malformed register suffix in '" + t + "'");
        }
        if (part.equals("reuse")) {
          if (reuse) {
            throw error("'.reuse' given twice in '" + t + "'");
          }
          reuse = true;
        } else if (isSwizzle(part) && swizzle == null && suffix == null) {
          swizzle = part;
        } else {
          suffix = suffix == null ? part : suffix + "." + part;
        }
      }
    }
    return new RegisterOperand(file, index, 1, false, false, false, reuse, swizzle, suffix);
  }

  private static boolean isSwizzle(String s) {
    return switch (s) {
      case "H0_H0", "H1_H1", "H0_H1", "H1_H0", "H0", "H1", "B0", "B1", "B2", "B3" -> true;
      default -> false;
    };
  }

  /** {@code c[0x0][0x160]}, {@code c[0x3][R4+0x10]}, {@code c[0x0][UR4]}, {@code c[0x0][RZ]}. */
  private ConstantOperand constant(
      String inner, boolean negated, boolean absolute, boolean inverted, String whole)
      throws InputException {
    int close = inner.indexOf(']');
    if (close < 0 || close + 1 >= inner.length() || inner.charAt(close + 1) != '['
        || !inner.endsWith("]")) {
      throw error("malformed constant operand '" + whole + "'");
    }
    String bankText = inner.substring(2, close);
    if (!isHex(bankText)) {
      throw error("constant bank '" + bankText + "' is not a hex number in '" + whole + "'");
    }
    long bank = hexValue(bankText);
    if (bank < 0 || bank > 31) {
      throw error("constant bank " + bankText + " out of range in '" + whole + "'");
    }
    String addr = inner.substring(close + 2, inner.length() - 1);
    if (isHex(addr)) {
      return new ConstantOperand((int) bank, null, hexValue(addr), negated, absolute, inverted);
    }
    int plus = addr.indexOf('+');
    int minus = addr.indexOf('-');
    int split = plus >= 0 ? plus : minus;
    String regText = split < 0 ? addr : addr.substring(0, split);
    RegisterOperand reg = registerOrNull(regText);
    if (reg == null || reg.file().isPredicate()) {
      throw error("malformed constant address '" + addr + "' in '" + whole + "'");
    }
    long offset = 0;
    if (split >= 0) {
      String off = addr.substring(plus >= 0 ? split + 1 : split);
      if (!isHex(off)) {
        throw error("malformed constant offset '" + off + "' in '" + whole + "'");
      }
      offset = hexValue(off);
    }
    return new ConstantOperand((int) bank, reg, offset, negated, absolute, inverted);
  }

  /** {@code [R2.64+0x80]}, {@code [R9.X4+0x100]}, {@code [R5+UR5]}, {@code desc[UR4][R2.64]}. */
  private MemoryOperand memory(String t) throws InputException {
    RegisterOperand descriptor = null;
    String rest = t;
    if (t.startsWith("desc[")) {
      int close = t.indexOf(']');
      descriptor = registerOrNull(t.substring(5, close));
      if (descriptor == null || descriptor.file() != RegisterFile.UR) {
        throw error("memory descriptor must be a uniform register in '" + t + "'");
      }
      descriptor = descriptor.withCount(2);
      rest = t.substring(close + 1);
    }
    if (!rest.startsWith("[") || !rest.endsWith("]") || rest.indexOf(']') != rest.length() - 1) {
      throw error("malformed memory operand '" + t + "'");
    }
    String body = rest.substring(1, rest.length() - 1);
    if (body.isEmpty()) {
      throw error("empty address in '" + t + "'");
    }
    RegisterOperand base = null;
    RegisterOperand uniform = null;
    boolean wide = false;
    int scale = 1;
    long offset = 0;
    boolean hasOffset = false;
    for (String term : body.split("\\+", -1)) {
      if (term.isEmpty()) {
        throw error("malformed address '" + body + "' in '" + t + "'");
      }
      if (hasOffset) {
        throw error("the offset must come last in address '" + body + "'");
      }
      if (isHex(term)) {
        offset = hexValue(term);
        hasOffset = true;
        continue;
      }
      RegisterOperand r = registerOrNull(term);
      if (r == null || r.file().isPredicate() || r.swizzle() != null || r.reuse()) {
        throw error("malformed address term '" + term + "' in '" + t + "'");
      }
      if (r.file() == RegisterFile.UR) {
        if (uniform != null || r.suffix() != null) {
          throw error("malformed uniform address term '" + term + "' in '" + t + "'");
        }
        uniform = r;
        continue;
      }
      if (base != null || uniform != null) {
        throw error("unexpected second address register '" + term + "' in '" + t + "'");
      }
      if (r.suffix() != null) {
        for (String s : r.suffix().split("\\.")) {
          switch (s) {
            case "64" -> wide = true;
            case "X4" -> scale = 4;
            case "X8" -> scale = 8;
            case "X16" -> scale = 16;
            default -> throw error("unknown address suffix '." + s + "' in '" + t + "'");
          }
        }
        r = RegisterOperand.of(RegisterFile.R, r.index());
      }
      base = r;
    }
    if (base != null && wide) {
      base = base.withCount(2);
    }
    return new MemoryOperand(descriptor, base, wide, scale, uniform, offset, hasOffset, 32);
  }

  private ScoreboardSet scoreboardSet(String t) throws InputException {
    if (!t.endsWith("}") || t.length() < 3) {
      throw error("malformed scoreboard list '" + t + "'");
    }
    int mask = 0;
    int previous = -1;
    boolean descending = false;
    String[] items = t.substring(1, t.length() - 1).split(",", -1);
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip();
      if (item.length() != 1 || item.charAt(0) < '0' || item.charAt(0) > '5') {
        throw error("scoreboard list '" + t + "' must hold numbers 0..5");
      }
      int sb = item.charAt(0) - '0';
      if ((mask & (1 << sb)) != 0) {
        throw error("scoreboard " + sb + " listed twice in '" + t + "'");
      }
      if (i == 1) {
        descending = sb < previous;
      } else if (i > 1 && (sb < previous) != descending) {
        throw error("scoreboard list '" + t + "' is not sorted");
      }
      mask |= 1 << sb;
      previous = sb;
    }
    return new ScoreboardSet(mask, descending);
  }

  private static boolean allDigits(String s, int from) {
    if (from >= s.length()) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private int smallNumber(String t, int from, int max) throws InputException {
    if (t.length() - from > 2) {
      throw error("'" + t + "' out of range");
    }
    int v = Integer.parseInt(t.substring(from));
    if (v > max) {
      throw error("'" + t + "' out of range (highest is " + max + ")");
    }
    return v;
  }

  private static boolean isSpecialName(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '.') {
        return false;
      }
    }
    return !t.endsWith(".");
  }

  /** Hex ({@code 0x1f}, {@code -0x1}), decimal or special float ({@code 2}, {@code -0.5}, {@code +INF}). */
  private static boolean isNumber(String t) {
    int i = (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
    if (i >= t.length()) {
      return false;
    }
    char c = t.charAt(i);
    return (c >= '0' && c <= '9') || t.startsWith("INF", i) || t.startsWith("QNAN", i)
        || t.startsWith("NAN", i) || t.startsWith("SNAN", i);
  }

  static boolean isHex(String t) {
    int i = t.startsWith("-") ? 1 : 0;
    if (!t.startsWith("0x", i) || t.length() == i + 2 || t.length() > i + 18) {
      return false;
    }
    for (int k = i + 2; k < t.length(); k++) {
      if (Character.digit(t.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Value of a string accepted by {@link #isHex}; 16-digit values wrap to negative longs. */
  static long hexValue(String t) {
    boolean negative = t.startsWith("-");
    long v = Long.parseUnsignedLong(t.substring(negative ? 3 : 2), 16);
    return negative ? -v : v;
  }

  private double floatValue(String t) throws InputException {
    boolean negative = t.startsWith("-");
    String body = (negative || t.startsWith("+")) ? t.substring(1) : t;
    double magnitude;
    switch (body) {
      case "INF" -> magnitude = Double.POSITIVE_INFINITY;
      case "QNAN", "NAN", "SNAN" -> magnitude = Double.NaN;
      default -> {
        for (int i = 0; i < body.length(); i++) {
          char c = body.charAt(i);
          if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
            throw error("malformed number '" + t + "'");
          }
        }
        try {
          magnitude = Double.parseDouble(body);
        } catch (NumberFormatException e) {
          throw error("malformed number '" + t + "'");
        }
      }
    }
    return negative ? -magnitude : magnitude;
  }
}
