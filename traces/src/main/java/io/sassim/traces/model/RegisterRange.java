package io.sassim.traces.model;

/**
 * A run of consecutive registers packed into one {@code int}, so instruction operands need no
 * objects: bits 0..7 hold the first register, bits 8..15 the count, bits 16..17 the register
 * file. Register 255 of the general file is RZ and register 7 of a predicate file is PT; both read
 * as constants and create no dependence.
 */
public final class RegisterRange {

  /** General-purpose registers R0..R255. */
  public static final int GENERAL = 0;
  /** Uniform registers UR0..UR63 (URZ = 63). */
  public static final int UNIFORM = 1;
  /** Predicates P0..P7 (PT = 7). */
  public static final int PREDICATE = 2;
  /** Uniform predicates UP0..UP7 (UPT = 7). */
  public static final int UNIFORM_PREDICATE = 3;

  /** RZ, the general register that reads as zero. */
  public static final int ZERO_REGISTER = 255;

  private static final String[] PREFIX = {"R", "UR", "P", "UP"};

  private RegisterRange() {}

  public static int of(int file, int first, int count) {
    if (file < 0 || file > 3 || first < 0 || first > 255 || count < 1 || count > 255) {
      throw new IllegalArgumentException(
          "bad register range: file " + file + ", first " + first + ", count " + count);
    }
    return first | count << 8 | file << 16;
  }

  /** A single general register. */
  public static int general(int register) {
    return of(GENERAL, register, 1);
  }

  public static int first(int range) {
    return range & 0xFF;
  }

  public static int count(int range) {
    return (range >>> 8) & 0xFF;
  }

  public static int file(int range) {
    return (range >>> 16) & 3;
  }

  /** The same range with another length. */
  public static int withCount(int range, int count) {
    return of(file(range), first(range), count);
  }

  /** True when the range names a constant register (RZ, URZ, PT, UPT) rather than storage. */
  public static boolean isConstant(int range) {
    int first = first(range);
    return switch (file(range)) {
      case GENERAL -> first == ZERO_REGISTER;
      case UNIFORM -> first == 63;
      default -> first == 7;
    };
  }

  /** The first register as a trace writes it, e.g. {@code R4} or {@code UR6}. */
  public static String firstName(int range) {
    return PREFIX[file(range)] + first(range);
  }

  /** Human-readable form: {@code R4} or {@code R4..R7}. */
  public static String format(int range) {
    int count = count(range);
    String first = firstName(range);
    return count == 1 ? first : first + ".." + PREFIX[file(range)] + (first(range) + count - 1);
  }
}
