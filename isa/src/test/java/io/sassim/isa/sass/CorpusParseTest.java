package io.sassim.isa.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.OpcodeTable;
import io.sassim.isa.corpus.CorpusFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every committed listing parses, prints back as it was written, and uses only known opcodes. */
class CorpusParseTest {

  @Test
  void corpusIsThere() {
    assertTrue(CorpusListings.files().size() >= 4, "expected corpus listings under " + CorpusFiles.repoRoot());
  }

  @Test
  void everyListingParsesWithEveryOperandTyped() throws InputException {
    List<String> failures = new ArrayList<>();
    int instructions = 0;
    for (Path p : CorpusListings.files()) {
      try {
        SassListing l = SassParser.parse(p);
        instructions += l.instructionCount();
        for (Kernel k : l.kernels()) {
          assertEquals(l.architecture(), k.architecture());
          assertTrue(k.size() > 0, p + " " + k.name() + " is empty");
        }
      } catch (InputException e) {
        failures.add(e.getMessage());
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(instructions > 1000, "only " + instructions + " instructions in the corpus");
  }

  /**
   * The whole corpus parses well under a second once the JIT has warmed up (about 0.1 s on the
   * development machine); the bound is loose so that a busy CI machine does not fail it.
   */
  @Test
  void corpusParsesQuickly() throws InputException {
    CorpusListings.parseAll();
    long start = System.nanoTime();
    CorpusListings.parseAll();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2000, "parsing the corpus took " + millis + " ms");
  }

  /** Formatting each parsed instruction reproduces the listing text, ignoring whitespace. */
  @Test
  void instructionsRoundTripToTheirListingText() throws IOException, InputException {
    List<String> mismatches = new ArrayList<>();
    for (Path p : CorpusListings.files()) {
      List<String> lines = Files.readAllLines(p);
      for (Kernel k : SassParser.parse(p).kernels()) {
        for (Instruction in : k.instructions()) {
          if (in.isUnprinted()) {
            continue;
          }
          String listed = printedText(lines.get(in.line() - 1));
          if (!squash(listed).equals(squash(in.text()))) {
            mismatches.add(p.getFileName() + ":" + in.line() + ": '" + listed + "' came back as '" + in.text() + "'");
          }
        }
      }
    }
    assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
  }

  @Test
  void everyOpcodeIsKnownToTheOpcodeTable() throws InputException {
    List<String> unknown = new ArrayList<>();
    for (SassListing l : CorpusListings.parseAll()) {
      OpcodeTable table = OpcodeTable.forArch(l.architecture());
      for (Kernel k : l.kernels()) {
        for (Instruction in : k.instructions()) {
          if (in.isUnprinted() || !table.isKnown(in.opcode())) {
            unknown.add(l.source() + ":" + in.line() + ": " + in.text());
          }
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  /** The text between the PC comment and the semicolon. */
  static String printedText(String line) {
    int start = line.indexOf("*/") + 2;
    int end = line.lastIndexOf(';', line.lastIndexOf("/*"));
    return line.substring(start, end).strip();
  }

  static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }
}
