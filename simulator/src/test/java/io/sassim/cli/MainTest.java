package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void unknownSubcommandIsAUsageError() {
    assertEquals(2, Main.execute("no-such-command"));
  }

  @Test
  void helpExitsZero() {
    assertEquals(0, Main.execute("--help"));
  }
}
