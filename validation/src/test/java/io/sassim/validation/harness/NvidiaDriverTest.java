package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NvidiaDriverTest {

  @Test
  void readsTheReleaseOfProprietaryAndOpenModules() {
    assertEquals("580.159.04", NvidiaDriver.parse(
        "NVRM version: NVIDIA UNIX x86_64 Kernel Module  580.159.04  Tue Oct 7 2025\n"
            + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n"));
    assertEquals("580.65.06", NvidiaDriver.parse(
        "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.65.06  Release Build\n"));
    assertEquals("535.129", NvidiaDriver.parse(
        "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.129  Sun Nov 5 2023\n"));
  }

  @Test
  void anythingElseIsUnknown() {
    assertNull(NvidiaDriver.parse(""));
    assertNull(NvidiaDriver.parse("GCC version: gcc version 12.2.0\n"));
  }
}
