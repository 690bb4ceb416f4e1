package io.sassim.traces.record;

import io.sassim.isa.emu.EmulationException;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.emu.EmulatorListener;
import io.sassim.isa.emu.ExecutedInstruction;
import io.sassim.isa.emu.LoadedKernel;
import io.sassim.isa.emu.ThreadBlock;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.TraceWriter;
import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Records one emulated launch into a {@link TraceWriter}: a copy command per buffer, the kernel
 * header, every CTA, the end of the kernel. The caller commits (or closes to discard).
 */
public final class EmulatedTrace {
  /** The tracer name written into headers. */
  public static final String TRACER = "sassim emulator";

  private EmulatedTrace() {}

  /**
   * Runs {@code emulator} and records it into {@code writer}.
   *
   * @param progress told the number of finished CTAs after each one, or null
   */
  public static EmulationResult record(Emulator emulator, TraceWriter writer, LongConsumer progress)
      throws EmulationException, IOException {
    LoadedKernel k = emulator.kernel();
    List<Long> addresses = emulator.bufferAddresses();
    List<Long> sizes = emulator.bufferSizes();
    for (int i = 0; i < addresses.size(); i++) {
      writer.memcpy(addresses.get(i), sizes.get(i));
    }
    writer.beginKernel(header(emulator));
    TraceRecorder recorder = new TraceRecorder(writer, k);
    EmulatorListener listener = progress == null ? recorder : new Counting(recorder, progress);
    EmulationResult result = emulator.run(listener);
    writer.endKernel();
    return result;
  }

  /** The header of the emulated launch, as a tracer would write it. */
  public static KernelLaunch header(Emulator emulator) {
    LoadedKernel k = emulator.kernel();
    int version = Integer.parseInt(k.architecture().smName().substring(3, 5));
    return new KernelLaunch(k.name(), 1, emulator.spec().grid(), emulator.spec().block(),
        emulator.sharedBytes(), k.registerCount(), version, 0, Emulator.SHARED_WINDOW,
        Emulator.LOCAL_WINDOW, TRACER, "", false, List.of());
  }

  /** Passes everything on and reports finished CTAs. */
  private static final class Counting implements EmulatorListener {
    private final TraceRecorder recorder;
    private final LongConsumer progress;
    private long done;

    Counting(TraceRecorder recorder, LongConsumer progress) {
      this.recorder = recorder;
      this.progress = progress;
    }

    @Override
    public void ctaStarted(ThreadBlock block) {
      recorder.ctaStarted(block);
    }

    @Override
    public void executed(ExecutedInstruction e) {
      recorder.executed(e);
    }

    @Override
    public void ctaFinished(ThreadBlock block) throws IOException {
      recorder.ctaFinished(block);
      progress.accept(++done);
    }
  }
}
