package io.sassim.isa.sass;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Real listings with one line damaged either still parse or fail with an {@link InputException};
 * no other exception escapes and nothing hangs. Cases come from a fixed seed, so a failure names a
 * reproducible case number.
 */
class MutatedListingTest {

  private static final List<String> SOURCES =
      List.of(
          "traces/kernels/vecadd/vecadd.sm_90.sass",
          "traces/kernels/saxpy/saxpy.sm_86.sass",
          "traces/kernels/hgemm_mma/hgemm_mma.sm_86.sass",
          "traces/kernels/async_copy/async_copy.sm_80.sass",
          "traces/kernels/wgmma_tile/wgmma_tile.sm_90a.sass",
          "traces/kernels/half2_axpy/half2_axpy.sm_86.sass");

  private static final List<List<String>> LISTINGS = load();

  private static List<List<String>> load() {
    List<List<String>> out = new ArrayList<>();
    for (String s : SOURCES) {
      try {
        out.add(Files.readAllLines(CorpusListings.file(s)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  enum Mutation {
    DELETE_CHAR,
    DUPLICATE_CHAR,
    REPLACE_CHAR,
    SWAP_TOKENS,
    TRUNCATE_LINE,
    TRUNCATE_FILE,
    DELETE_LINE,
    DUPLICATE_LINE
  }

  private static final char[] JUNK = {'[', ']', '{', '}', '|', '-', '~', '!', '.', ',', ';', '+',
      '@', 'x', '0', 'R', 'U', 'P', ' ', '/', '*', 'c', 'Z', '9'};

  private static final int CASES = 2000;

  @Test
  void damagedListingsParseOrFailCleanly() {
    SplittableRandom random = new SplittableRandom(0x5a55);
    Mutation[] mutations = Mutation.values();
    for (int c = 0; c < CASES; c++) {
      int listing = random.nextInt(LISTINGS.size());
      int lineSeed = random.nextInt(100_001);
      int charSeed = random.nextInt(100_001);
      int otherSeed = random.nextInt(100_001);
      Mutation mutation = mutations[random.nextInt(mutations.length)];
      char junk = JUNK[random.nextInt(JUNK.length)];
      try {
        damageAndParse(listing, lineSeed, charSeed, otherSeed, mutation, junk);
      } catch (AssertionError e) {
        throw new AssertionError("case " + c + " (" + SOURCES.get(listing) + ", " + mutation
            + ", line seed " + lineSeed + "): " + e.getMessage(), e);
      }
    }
  }

  private static void damageAndParse(
      int listing, int lineSeed, int charSeed, int otherSeed, Mutation mutation, char junk) {
    List<String> lines = new ArrayList<>(LISTINGS.get(listing));
    // Aim mostly at instruction lines, where the interesting syntax is.
    int li = pickInstructionLine(lines, lineSeed);
    String line = lines.get(li);
    int ci = line.isEmpty() ? 0 : charSeed % line.length();
    switch (mutation) {
      case DELETE_CHAR -> lines.set(li, line.isEmpty() ? line : line.substring(0, ci) + line.substring(ci + 1));
      case DUPLICATE_CHAR -> lines.set(li, line.isEmpty() ? line : line.substring(0, ci + 1) + line.substring(ci));
      case REPLACE_CHAR -> lines.set(li, line.isEmpty() ? line : line.substring(0, ci) + junk + line.substring(ci + 1));
      case SWAP_TOKENS -> lines.set(li, swapTokens(line, charSeed, otherSeed));
      case TRUNCATE_LINE -> lines.set(li, line.substring(0, ci));
      case TRUNCATE_FILE -> lines.subList(li, lines.size()).clear();
      case DELETE_LINE -> lines.remove(li);
      case DUPLICATE_LINE -> lines.add(li, line);
    }
    String text = String.join("\n", lines);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      try {
        SassListing parsed = SassParser.parse("mutated.sass", text);
        // Whatever parsed must print without failing.
        for (Kernel k : parsed.kernels()) {
          for (Instruction in : k.instructions()) {
            in.text();
            in.control().format();
          }
        }
      } catch (InputException e) {
        if (!e.getMessage().startsWith("mutated.sass")) {
          throw new AssertionError("message does not name the file: " + e.getMessage());
        }
      }
    });
  }

  private static int pickInstructionLine(List<String> lines, int seed) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("/*")) {
        candidates.add(i);
      }
    }
    if (seed % 5 == 0 || candidates.isEmpty()) {
      return seed % lines.size();
    }
    return candidates.get(seed % candidates.size());
  }

  private static String swapTokens(String line, int a, int b) {
    String[] t = line.strip().split("\\s+");
    if (t.length < 2) {
      return line;
    }
    int i = a % t.length;
    int j = b % t.length;
    String x = t[i];
    t[i] = t[j];
    t[j] = x;
    return "        " + String.join(" ", t);
  }
}
