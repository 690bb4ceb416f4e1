package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One kernel of a native trace read in file order. The calling thread expands each chunk once;
 * on a machine with more than one core, small batches of CTAs are then decoded ahead on a shared
 * pool of daemon threads and handed out strictly in file order, so results never depend on the
 * thread count. CTAs decode independently (the predictor restarts per CTA), which is what makes
 * this possible. Memory holds the chunks in use and at most {@link #BATCHES_AHEAD} batches.
 */
final class NativeKernelTrace implements KernelTrace {

  /** Decode threads; the system property {@code sassim.traceDecodeThreads} overrides it (1 = none). */
  private static final int DECODE_THREADS = Math.max(1, Integer.getInteger(
      "sassim.traceDecodeThreads", Math.min(4, Runtime.getRuntime().availableProcessors())));

  /** CTAs per decode task: large enough to amortise the hand-over, small enough to bound memory. */
  private static final int BATCH = 8;

  private static final int BATCHES_AHEAD = 2 * DECODE_THREADS;

  /** Whether streams decode ahead by default. */
  static final boolean DECODE_AHEAD = DECODE_THREADS > 1;

  private static final class Pool {
    static final ExecutorService INSTANCE = newPool();
  }

  private static final ThreadLocal<CtaDecoder> DECODERS = ThreadLocal.withInitial(CtaDecoder::new);

  private final NativeTraceReader file;
  private final int kernel;
  private final int ctaCount;
  private final KernelLaunch launch;
  private final InstructionTable table;
  private final boolean hasControlBits;
  private final BlockFile.BlockReader reader;
  private final ExecutorService pool;
  private final ArrayDeque<Future<CtaTrace[]>> pending = new ArrayDeque<>();
  private int next;
  private int submitted;
  private int loadedChunk = -1;
  private byte[] chunk;
  private CtaTrace[] batch;
  private int batchPosition;
  private boolean closed;

  /** @param decodeAhead decode batches of CTAs on the shared pool, else on the calling thread */
  NativeKernelTrace(
      NativeTraceReader file,
      int kernel,
      KernelLaunch launch,
      InstructionTable table,
      boolean decodeAhead) {
    this.pool = decodeAhead ? Pool.INSTANCE : null;
    this.file = file;
    this.kernel = kernel;
    this.ctaCount = file.ctaCount(kernel);
    this.launch = launch;
    this.table = table;
    this.hasControlBits = table.allHaveControl();
    this.reader = file.newBlockReader();
  }

  private static ExecutorService newPool() {
    return Executors.newFixedThreadPool(Math.max(2, DECODE_THREADS), task -> {
      Thread t = new Thread(task, "sassim-trace-decode");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public KernelLaunch launch() {
    return launch;
  }

  @Override
  public InstructionTable instructions() {
    return table;
  }

  @Override
  public boolean hasControlBits() {
    return hasControlBits;
  }

  @Override
  public CtaTrace nextCta() throws InputException {
    if (closed) {
      throw new IllegalStateException("kernel trace is closed");
    }
    if (next >= ctaCount) {
      return null;
    }
    if (pool == null) {
      return file.decodeCta(kernel, next, chunkFor(next++, false), DECODERS.get());
    }
    if (batch == null || batchPosition == batch.length) {
      while (pending.size() < BATCHES_AHEAD && submitted < ctaCount) {
        submitBatch();
      }
      batch = await(pending.removeFirst());
      batchPosition = 0;
    }
    next++;
    CtaTrace cta = batch[batchPosition];
    batch[batchPosition++] = null;
    return cta;
  }

  /** Queues the CTAs from {@code submitted} to the end of its batch or chunk. */
  private void submitBatch() throws InputException {
    int first = submitted;
    byte[] bytes = chunkFor(first, true);
    int c = file.chunkOf(kernel, first);
    int end = first + 1;
    while (end < ctaCount && end - first < BATCH && file.chunkOf(kernel, end) == c) {
      end++;
    }
    int last = end;
    submitted = end;
    pending.addLast(pool.submit(() -> {
      CtaDecoder decoder = DECODERS.get();
      CtaTrace[] out = new CtaTrace[last - first];
      for (int i = first; i < last; i++) {
        out[i - first] = file.decodeCta(kernel, i, bytes, decoder);
      }
      return out;
    }));
  }

  /**
   * The expanded chunk holding CTA {@code index}. Decode tasks share it, so with {@code shared}
   * it is a private copy rather than the reader's reused buffer.
   */
  private byte[] chunkFor(int index, boolean shared) throws InputException {
    int c = file.chunkOf(kernel, index);
    if (c != loadedChunk) {
      byte[] raw = file.readChunk(kernel, c, reader);
      chunk = shared ? Arrays.copyOf(raw, file.chunkRawLength(kernel, c)) : raw;
      loadedChunk = c;
    }
    return chunk;
  }

  private static CtaTrace[] await(Future<CtaTrace[]> future) throws InputException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding a trace", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InputException input) {
        throw input;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      for (Future<CtaTrace[]> f : pending) {
        f.cancel(false);
      }
      pending.clear();
      reader.close();
    }
  }
}
