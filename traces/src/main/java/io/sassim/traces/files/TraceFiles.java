package io.sassim.traces.files;

import io.sassim.isa.InputException;
import io.sassim.traces.accelsim.AccelSimTraces;
import io.sassim.traces.binary.NativeTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens any trace input by what it is, not by what it is called: a native trace is recognised by
 * its magic number, everything else goes to the Accel-Sim reader (a folder, a kernelslist.g or a
 * single kernel file).
 */
public final class TraceFiles {

  private TraceFiles() {}

  public static TraceSource open(Path path) throws InputException {
    if (!Files.exists(path)) {
      throw new InputException(path, 0, "no such file or folder");
    }
    return formatOf(path) == TraceFormat.NATIVE ? NativeTraces.open(path) : AccelSimTraces.open(path);
  }

  /** The format {@link #open} would read {@code path} as. */
  public static TraceFormat formatOf(Path path) {
    return Files.isRegularFile(path) && NativeTraces.isNativeTrace(path)
        ? TraceFormat.NATIVE
        : TraceFormat.ACCELSIM;
  }

  /**
   * A writer for {@code out}: a native trace file, or an Accel-Sim folder ({@code compress}
   * writes .traceg.xz kernel files).
   */
  public static TraceWriter writer(Path out, TraceFormat format, boolean compress)
      throws IOException {
    return switch (format) {
      case NATIVE -> NativeTraces.newWriter(out);
      case ACCELSIM -> AccelSimTraces.writer(out, compress);
    };
  }

  /** What {@link #copy} moved. */
  public record Copied(int kernels, long warpInstructions, int kernelsWithControlBits) {}

  /**
   * Streams every command of {@code source} into {@code writer}, one CTA at a time, then commits.
   */
  public static Copied copy(TraceSource source, TraceWriter writer)
      throws InputException, IOException {
    long warpInstructions = 0;
    int kernels = 0;
    int withControl = 0;
    for (TraceCommand command : source.commands()) {
      if (command instanceof TraceCommand.Memcpy m) {
        writer.memcpy(m.address(), m.bytes());
      } else if (command instanceof TraceCommand.Kernel k) {
        try (KernelTrace kernel = source.openKernel(k)) {
          writer.beginKernel(kernel.launch());
          for (CtaTrace cta = kernel.nextCta(); cta != null; cta = kernel.nextCta()) {
            writer.cta(cta, kernel.instructions());
            warpInstructions += cta.warpInstructions();
          }
          writer.endKernel();
          kernels++;
          withControl += kernel.hasControlBits() ? 1 : 0;
        }
      }
    }
    writer.commit();
    return new Copied(kernels, warpInstructions, withControl);
  }
}
