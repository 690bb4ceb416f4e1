package io.sassim.isa.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpcodeTableTest {
  @Test
  void everyArchitectureLoadsAndSharesTheCommonCore() {
    for (Architecture a : Architecture.values()) {
      OpcodeTable t = OpcodeTable.forArch(a);
      assertEquals(a, t.architecture());
      assertTrue(t.opcodes().size() > 130, a + " has only " + t.opcodes().size() + " opcodes");
      for (String op : List.of("IMAD", "FFMA", "LDG", "STG", "HMMA", "BRA", "EXIT", "S2R", "MUFU")) {
        assertTrue(t.isKnown(op), op + " on " + a);
      }
    }
    assertTrue(OpcodeTable.forArch(Architecture.SM_86) == OpcodeTable.forArch(Architecture.SM_86));
  }

  @Test
  void unitClassesFollowTheModel() {
    OpcodeTable t = OpcodeTable.forArch(Architecture.SM_86);
    assertEquals(UnitClass.FP32, t.lookup("IMAD").unit());
    assertEquals(UnitClass.INT, t.lookup("IADD3").unit());
    assertEquals(UnitClass.MEMORY, t.lookup("S2R").unit());
    assertEquals(UnitClass.MEMORY, t.lookup("SHFL").unit());
    assertEquals(UnitClass.SFU, t.lookup("I2F").unit());
    assertEquals(UnitClass.SFU, t.lookup("F2I").unit());
    assertEquals(UnitClass.MISC, t.lookup("DEPBAR").unit());
    assertEquals(UnitClass.MISC, t.lookup("BAR").unit());
    assertEquals(UnitClass.MISC, t.lookup("VOTE").unit());
    assertEquals(UnitClass.MISC_QUEUED, t.lookup("S2UR").unit());
    assertEquals(UnitClass.UNIFORM, t.lookup("UIADD3").unit());
    assertEquals(UnitClass.BRANCH, t.lookup("BSSY").unit());

    OpcodeInfo ffma = t.lookup("FFMA");
    assertEquals(new OpcodeInfo("FFMA", UnitClass.FP32, false, 2, 2, false), ffma);
    assertTrue(t.lookup("LDG").variableLatency());
    assertFalse(t.lookup("IADD3").variableLatency());
    assertEquals(13, t.lookup("ISETP").defaultLatency(), "predicate writers are held 13 cycles");
    assertEquals(13, t.lookup("PLOP3").defaultLatency());
    assertEquals(1, t.lookup("HFMA2").initiationInterval(), "FP16 ii halved");
    assertEquals(2, t.lookup("HMNMX2").initiationInterval(), "only the listed FP16 ops are halved");
    assertNull(t.lookup("NOSUCHOP"));
    assertNull(t.resolve("NOSUCHOP", List.of()));
  }

  @Test
  void fp64PipeIsSharedOnlyWhereTheSmHasTwoLanes() {
    OpcodeInfo ga10x = OpcodeTable.forArch(Architecture.SM_86).lookup("DFMA");
    assertEquals(UnitClass.FP64, ga10x.unit());
    assertTrue(ga10x.smShared());
    assertTrue(ga10x.variableLatency());
    assertEquals(24, ga10x.defaultLatency());
    assertEquals(16, ga10x.initiationInterval());
    assertTrue(OpcodeTable.forArch(Architecture.SM_89).lookup("DADD").smShared());
    OpcodeInfo ga100 = OpcodeTable.forArch(Architecture.SM_80).lookup("DFMA");
    assertFalse(ga100.smShared());
    assertEquals(4, ga100.initiationInterval());
    assertEquals(2, OpcodeTable.forArch(Architecture.SM_90).lookup("DFMA").initiationInterval());
  }

  @Test
  void overlaysReallyDiffer() {
    OpcodeTable sm80 = OpcodeTable.forArch(Architecture.SM_80);
    OpcodeTable sm86 = OpcodeTable.forArch(Architecture.SM_86);
    OpcodeTable sm90 = OpcodeTable.forArch(Architecture.SM_90);
    OpcodeTable sm90a = OpcodeTable.forArch(Architecture.SM_90A);
    assertTrue(sm80.isKnown("IMNMX"));
    assertFalse(sm80.isKnown("VIMNMX"));
    assertTrue(sm90.isKnown("VIMNMX"));
    assertFalse(sm90.isKnown("IMNMX"), "removed by the sm_90 overlay");
    assertFalse(sm80.isKnown("I2FP"));
    assertTrue(sm86.isKnown("I2FP"));
    for (String op : List.of("UTMALDG", "SYNCS", "ELECT", "REDG", "STSM", "CGAERRBAR")) {
      assertTrue(sm90.isKnown(op), op);
      assertFalse(sm86.isKnown(op), op);
    }
    // hopper_misc: griddepcontrol.wait and .launch_dependents, misc like the NOPs they act as.
    for (String op : List.of("ACQBULK", "PREEXIT")) {
      assertEquals(UnitClass.MISC, sm90.lookup(op).unit(), op);
      assertFalse(sm86.isKnown(op), op);
    }
    assertFalse(sm90.isKnown("HGMMA"));
    assertTrue(sm90a.isKnown("HGMMA"));
    assertTrue(sm90a.isKnown("WARPGROUP"));
    assertTrue(sm90a.opcodes().containsAll(sm90.opcodes()), "sm_90a extends sm_90");
  }

  @Test
  void tensorShapeFormula() {
    OpcodeTable ampere = OpcodeTable.forArch(Architecture.SM_86);
    // model-facts 5.3 worked example: 16*8*16*32/2048 = 32 cycles, II 16 + 16, latency 16 + 16.
    OpcodeInfo hmma = ampere.resolve("HMMA", List.of("16816", "F32"));
    assertEquals(32, hmma.defaultLatency());
    assertEquals(32, hmma.initiationInterval());
    assertEquals(UnitClass.TENSOR, hmma.unit());
    // F16 accumulator: 16 cycles, no extra.
    OpcodeInfo f16 = ampere.resolve("HMMA", List.of("16816", "F16"));
    assertEquals(8, f16.defaultLatency());
    assertEquals(8, f16.initiationInterval());
    // 1688.F32: 16 cycles -> 8 + 16 each.
    assertEquals(24, ampere.resolve("HMMA", List.of("1688", "F32", "TF32")).defaultLatency());
    // IMMA.16832.S8.S8: 16*8*32*8/2048 = 16 -> 8, 8.
    OpcodeInfo imma = ampere.resolve("IMMA", List.of("16832", "S8", "S8"));
    assertEquals(8, imma.defaultLatency());
    assertEquals(8, imma.initiationInterval());
    // Sparse halves the cycles: 16*8*32*16/2048 = 32 -> 16 -> 8, 8 (+16 would need k 16 or 8).
    OpcodeInfo sparse = ampere.resolve("HMMA", List.of("SP", "16832", "F16"));
    assertEquals(8, sparse.initiationInterval());
    // No shape: the table default.
    assertEquals(ampere.lookup("HMMA"), ampere.resolve("HMMA", List.of()));
  }

  @Test
  void loadLatencyGrowsWithWidth() {
    OpcodeTable t = OpcodeTable.forArch(Architecture.SM_86);
    assertEquals(32, t.resolve("LDG", List.of("E")).defaultLatency());
    assertEquals(34, t.resolve("LDG", List.of("E", "64")).defaultLatency());
    assertEquals(38, t.resolve("LDG", List.of("E", "128", "CONSTANT")).defaultLatency());
    assertEquals(26, t.resolve("LDS", List.of("128")).defaultLatency());
    assertEquals(t.lookup("IADD3"), t.resolve("IADD3", List.of("X")));
  }

  @Test
  void directoryTablesOverrideTheBundledOnes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), """
        units: {INT: {latency: 2, ii: 2}, FP32: {latency: 4, ii: 1}}
        tensor: {rate_bits_per_cycle: 1024, extra_latency_f32_16816_1688: 0}
        opcodes: {IADD3: INT, FFMA: FP32, OLD: INT}
        """);
    Files.writeString(dir.resolve("sm_86.yaml"), """
        extends: base
        remove: [OLD]
        opcodes: {FFMA: {unit: FP32, latency: 5}}
        """);
    OpcodeTable t = OpcodeTable.load(dir, Architecture.SM_86);
    assertEquals(new TreeSet<>(List.of("FFMA", "IADD3")), new TreeSet<>(t.opcodes()));
    assertEquals(5, t.lookup("FFMA").defaultLatency());
    assertEquals(1, t.lookup("FFMA").initiationInterval());
  }

  @Test
  void malformedTablesAreRejectedWithFileAndPath(@TempDir Path dir) throws Exception {
    String goodBase = """
        units: {INT: {latency: 2, ii: 2}}
        tensor: {rate_bits_per_cycle: 2048, extra_latency_f32_16816_1688: 16}
        opcodes: {IADD3: INT}
        """;
    Map<String, String> cases = Map.of(
        "opcodes: {IADD3: {unit: FP33}}", "sm_86.yaml: opcodes.IADD3.unit: unknown unit class 'FP33'",
        "opcodes: {IADD3: {unit: INT, latency: 0}}", "sm_86.yaml: opcodes.IADD3.latency: must be at least 1, got 0",
        "opcodes: {IADD3: {unit: INT, latncy: 4}}", "sm_86.yaml: opcodes.IADD3: unknown key 'latncy'",
        "opcodes: {IADD3: {unit: INT, ii: four}}", "sm_86.yaml: opcodes.IADD3.ii: expected a whole number",
        "opcodes: {IMAD.WIDE: INT}", "sm_86.yaml: opcodes.IMAD.WIDE: 'IMAD.WIDE' is not a base mnemonic",
        "remove: [NOPE]", "sm_86.yaml: remove: NOPE is not in the tables it extends",
        "opcodes: {IADD3: INT, IADD3: INT}", "sm_86.yaml:",
        "opcodes: [IADD3]", "sm_86.yaml: opcodes: expected a mapping",
        "extends: sm_89", "sm_89.yaml: extended by sm_86.yaml but missing",
        "opcodes: {FOO: {unit: FP64}}", "no default latency and ii");
    Files.writeString(dir.resolve("base.yaml"), goodBase);
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String overlay = c.getKey().startsWith("extends") ? c.getKey() : "extends: base\n" + c.getKey();
      Files.writeString(dir.resolve("sm_86.yaml"), overlay);
      InputException e = assertThrows(InputException.class, () -> OpcodeTable.load(dir, Architecture.SM_86), c.getKey());
      assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " -> " + e.getMessage());
    }
    Files.delete(dir.resolve("sm_86.yaml"));
    InputException missing = assertThrows(InputException.class, () -> OpcodeTable.load(dir, Architecture.SM_86));
    assertEquals("sm_86.yaml: no opcode table for sm_86", missing.getMessage());
    Files.writeString(dir.resolve("sm_86.yaml"), "extends: base\nopcodes: {A: INT\n");
    InputException yaml = assertThrows(InputException.class, () -> OpcodeTable.load(dir, Architecture.SM_86));
    assertTrue(yaml.getMessage().startsWith("sm_86.yaml:"), yaml.getMessage());
    assertTrue(yaml.line() > 0, "YAML syntax errors carry a line");
  }
}
