package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.TraceTexts;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real traces damaged at random either read or fail with an {@link InputException}; no other
 * exception escapes, the reader's last-resort conversion of runtime exceptions never fires, and
 * nothing hangs. Cases come from a fixed seed, so a failure names a reproducible case number.
 */
class MutatedTraceTest {

  private static final int CASES = 4000;
  private static final long SEED = 0xacce15L;

  private static final String[] JUNK_TOKENS = {"0", "1", "2", "5", "-1", "R255", "R999", "R",
      "0x", "0x7f0000001000", "ffffffff", "fffffffff", "9999999999999999999999", "#END_TB",
      "#BEGIN_TB", "warp", "=", "insts", "LDG.E.64", ".", "", "-", "x", "R-1", "00000000"};
  private static final char[] JUNK_CHARS = {'0', '1', '9', 'f', 'x', 'R', '-', ' ', '\t', '#',
      '=', ',', '.', 'g', 'Z', '\u00e9', '\r'};

  enum Mutation {
    DELETE_CHAR,
    INSERT_CHAR,
    REPLACE_CHAR,
    DELETE_TOKEN,
    INSERT_TOKEN,
    REPLACE_TOKEN,
    SWAP_TOKENS,
    TRUNCATE_LINE,
    TRUNCATE_FILE,
    DELETE_LINE,
    DUPLICATE_LINE,
    SWAP_LINES
  }

  private static final List<String> NAMES = new ArrayList<>();
  private static final List<List<String>> TEXTS = new ArrayList<>();

  /** Per test rather than per class, so that a missing ../shared shows as skipped tests. */
  @BeforeEach
  void load() throws IOException {
    if (!TEXTS.isEmpty()) {
      return;
    }
    add(SharedTraces.VECTORADD + "/kernel-1.traceg", Integer.MAX_VALUE);
    add(SharedTraces.FLASHINFER + "/kernel-3.traceg.xz", Integer.MAX_VALUE);
    add(SharedTraces.FLASHINFER + "/kernel-7.traceg.xz", Integer.MAX_VALUE);
    // Smaller but still valid: the first two thread blocks of the legacy trace, and the first
    // warps of the matrix multiply (the warps not listed read as empty).
    add(SharedTraces.TURING + "/kernel-1.traceg", 1181);
    add(SharedTraces.MATRIXMUL + "/kernel-1.traceg", 8);
    int lines = TEXTS.stream().mapToInt(List::size).sum();
    assertTrue(lines > 3000, "thousands of real lines to damage, got " + lines);
  }

  /**
   * Adds a trace, cut after {@code limit} warps of its first block when it has that many, else
   * after {@code limit} lines.
   */
  private static void add(String relative, int limit) throws IOException {
    String text = TraceTexts.read(SharedTraces.require(relative));
    List<String> lines = new ArrayList<>(text.lines().toList());
    int warpLine = lines.indexOf("warp = " + limit);
    if (warpLine > 0) {
      lines.subList(warpLine, lines.size()).clear();
      lines.add("#END_TB");
    } else if (limit < lines.size()) {
      lines.subList(limit, lines.size()).clear();
    }
    NAMES.add(relative);
    TEXTS.add(lines);
  }

  @Test
  void undamagedTextsRead() {
    for (int i = 0; i < TEXTS.size(); i++) {
      String outcome = readOrFail(NAMES.get(i), String.join("\n", TEXTS.get(i)));
      assertFalse(outcome.startsWith("failed"), NAMES.get(i) + " " + outcome);
    }
  }

  @Test
  void damagedTracesReadOrFailCleanly() {
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      SplittableRandom random = new SplittableRandom(SEED);
      Mutation[] kinds = Mutation.values();
      for (int c = 0; c < CASES; c++) {
        int t = random.nextInt(TEXTS.size());
        List<String> lines = new ArrayList<>(TEXTS.get(t));
        int edits = 1 + random.nextInt(3);
        List<Mutation> applied = new ArrayList<>();
        for (int e = 0; e < edits; e++) {
          Mutation m = kinds[random.nextInt(kinds.length)];
          mutate(lines, m, random);
          applied.add(m);
        }
        String name = "case-" + c + ".traceg";
        String outcome;
        try {
          outcome = readOrFail(name, String.join("\n", lines));
        } catch (Throwable e) {
          throw new AssertionError("case " + c + " (" + NAMES.get(t) + ", " + applied + "): "
              + e, e);
        }
        outcomes[outcome.startsWith("failed") ? 1 : 0]++;
      }
    });
    assertEquals(CASES, outcomes[0] + outcomes[1]);
    assertTrue(outcomes[1] > CASES / 4,
        "most damage should be noticed: " + Arrays.toString(outcomes));
  }

  /** "read" or "failed: message"; anything but an InputException propagates. */
  private static String readOrFail(String name, String text) {
    try (KernelTrace t = AccelSimTraces.openKernel(name,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      for (CtaTrace c = t.nextCta(); c != null; c = t.nextCta()) {
        assertEquals(t.launch().warpsPerCta(), c.warps().size());
      }
      return "read";
    } catch (InputException e) {
      assertEquals(name, e.file());
      assertTrue(e.line() >= 0 && !e.problem().isEmpty(), e.getMessage());
      if (e.getCause() instanceof RuntimeException r) {
        throw new AssertionError("runtime exception reached the last-resort handler: " + r, r);
      }
      return "failed: " + e.getMessage();
    }
  }

  private static void mutate(List<String> lines, Mutation m, SplittableRandom random) {
    if (lines.isEmpty()) {
      lines.add(JUNK_TOKENS[random.nextInt(JUNK_TOKENS.length)]);
      return;
    }
    int i = random.nextInt(lines.size());
    String line = lines.get(i);
    switch (m) {
      case DELETE_CHAR, INSERT_CHAR, REPLACE_CHAR -> lines.set(i, editChar(line, m, random));
      case DELETE_TOKEN, INSERT_TOKEN, REPLACE_TOKEN, SWAP_TOKENS ->
          lines.set(i, editToken(line, m, random));
      case TRUNCATE_LINE -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
      case TRUNCATE_FILE -> lines.subList(i, lines.size()).clear();
      case DELETE_LINE -> lines.remove(i);
      case DUPLICATE_LINE -> lines.add(i, line);
      case SWAP_LINES -> {
        int j = Math.min(lines.size() - 1, i + 1 + random.nextInt(3));
        lines.set(i, lines.get(j));
        lines.set(j, line);
      }
      default -> throw new AssertionError(m);
    }
  }

  private static String editChar(String line, Mutation m, SplittableRandom random) {
    int at = random.nextInt(line.length() + 1);
    char junk = JUNK_CHARS[random.nextInt(JUNK_CHARS.length)];
    return switch (m) {
      case DELETE_CHAR -> at == line.length() ? line
          : line.substring(0, at) + line.substring(at + 1);
      case INSERT_CHAR -> line.substring(0, at) + junk + line.substring(at);
      default -> at == line.length() ? line + junk
          : line.substring(0, at) + junk + line.substring(at + 1);
    };
  }

  private static String editToken(String line, Mutation m, SplittableRandom random) {
    List<String> tokens = new ArrayList<>(Arrays.asList(line.trim().split(" +")));
    int at = random.nextInt(tokens.size());
    String junk = JUNK_TOKENS[random.nextInt(JUNK_TOKENS.length)];
    switch (m) {
      case DELETE_TOKEN -> tokens.remove(at);
      case INSERT_TOKEN -> tokens.add(at, junk);
      case REPLACE_TOKEN -> tokens.set(at, junk);
      default -> {
        int other = random.nextInt(tokens.size());
        String x = tokens.get(at);
        tokens.set(at, tokens.get(other));
        tokens.set(other, x);
      }
    }
    return String.join(" ", tokens);
  }
}
