package io.sassim.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private List<Path> contents(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  @Test
  void writesReplacesAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("out/report.json");
    AtomicFiles.writeOutput(target, "first");
    AtomicFiles.writeOutput(target, "second, longer than the first");
    assertEquals("second, longer than the first", Files.readString(target));
    assertEquals(List.of(target), contents(target.getParent()));
  }

  @Test
  void aFailedWriteNamesTheFileAndKeepsThePreviousCopy() throws Exception {
    Path target = dir.resolve("taken");
    Files.createDirectory(target);
    Files.writeString(target.resolve("inside"), "x");
    // A non-empty folder cannot be replaced by a file.
    InputException e = assertThrows(InputException.class,
        () -> AtomicFiles.writeOutput(target, "text"));
    assertTrue(e.getMessage().startsWith(target.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
    assertTrue(Files.isDirectory(target));
    assertEquals(List.of(target), contents(dir), "no temporary file left beside it");
  }
}
