package io.sassim.traces.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.traces.fixtures.MemoryTraceSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSizeTest {

  @Test
  void commandListPlusEachKernelFileOnce(@TempDir Path dir) throws Exception {
    Path list = Files.writeString(dir.resolve("kernelslist.g"), "kernel-1.traceg\nkernel-2.traceg.xz\n");
    Files.write(dir.resolve("kernel-1.traceg"), new byte[1000]);
    Files.write(dir.resolve("kernel-2.traceg.xz"), new byte[300]);
    MemoryTraceSource relative = new MemoryTraceSource(list.toString())
        .kernel("kernel-1.traceg", () -> null)
        .kernel("kernel-2.traceg.xz", () -> null)
        .kernel("kernel-1.traceg", () -> null);
    assertEquals(Files.size(list) + 1300, InputSize.of(relative));

    MemoryTraceSource absolute = new MemoryTraceSource(dir.toString())
        .kernel(dir.resolve("kernel-2.traceg.xz").toString(), () -> null);
    assertEquals(300, InputSize.of(absolute), "a folder origin counts the kernel files only");
  }

  @Test
  void unknownWhenNotOnDisk(@TempDir Path dir) {
    assertEquals(InputSize.UNKNOWN, InputSize.of(new MemoryTraceSource("emulator: vecadd")));
    MemoryTraceSource missingKernel = new MemoryTraceSource(dir.toString())
        .kernel("kernel-9.traceg", () -> null);
    assertEquals(InputSize.UNKNOWN, InputSize.of(missingKernel));
  }
}
