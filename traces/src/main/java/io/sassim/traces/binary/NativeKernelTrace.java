package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>Both ways fail alike: a damaged chunk or CTA is reported when the stream reaches it, after
 * every CTA before it has been handed out, with the same {@link InputException}, and the stream
 * then keeps reporting it.
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
  private final ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
  private int next;
  private int submitted;
  private int loadedChunk = -1;
  private byte[] chunk;
  private Batch batch;
  private int batchPosition;
  private Throwable failure;
  private boolean closed;

  /**
   * CTAs decoded in file order from the first of a batch; {@code failure}, when set, is what
   * stopped the decoding at the CTA after the last one here.
   */
  private record Batch(CtaTrace[] ctas, Throwable failure) {}

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
    if (failure != null) {
      // A stream does not skip what it could not read: it stays where it failed.
      throw rethrow(failure);
    }
    if (next >= ctaCount) {
      return null;
    }
    try {
      CtaTrace cta = pool == null ? decodeHere() : takeDecoded();
      next++;
      return cta;
    } catch (InputException | RuntimeException | Error e) {
      failure = e;
      cancelPending();
      throw e;
    }
  }

  private CtaTrace decodeHere() throws InputException {
    return file.decodeCta(kernel, next, chunkFor(next, false), DECODERS.get());
  }

  private CtaTrace takeDecoded() throws InputException {
    if (batch == null || batchPosition == batch.ctas().length) {
      if (batch != null && batch.failure() != null) {
        throw rethrow(batch.failure());
      }
      while (pending.size() < BATCHES_AHEAD && submitted < ctaCount) {
        submitBatch();
      }
      batch = await(pending.removeFirst());
      batchPosition = 0;
      if (batch.ctas().length == 0) {
        throw rethrow(batch.failure());
      }
    }
    CtaTrace cta = batch.ctas()[batchPosition];
    batch.ctas()[batchPosition++] = null;
    return cta;
  }

  /**
   * Queues the CTAs from {@code submitted} to the end of its batch or chunk. Never throws: a chunk
   * that cannot be read becomes a failed batch in its place in the queue, so the error surfaces
   * only once the stream has handed out every CTA before it, as without decoding ahead.
   */
  private void submitBatch() {
    int first = submitted;
    int c = file.chunkOf(kernel, first);
    int end = first + 1;
    while (end < ctaCount && end - first < BATCH && file.chunkOf(kernel, end) == c) {
      end++;
    }
    int last = end;
    submitted = end;
    byte[] bytes;
    try {
      bytes = chunkFor(first, true);
    } catch (InputException | RuntimeException e) {
      pending.addLast(CompletableFuture.completedFuture(new Batch(new CtaTrace[0], e)));
      submitted = ctaCount; // the stream stops at this chunk; nothing after it is needed
      return;
    }
    pending.addLast(pool.submit(() -> decode(bytes, first, last)));
  }

  /** Runs on the pool: decodes CTAs in order up to the first that fails. */
  private Batch decode(byte[] bytes, int first, int last) {
    CtaDecoder decoder = DECODERS.get();
    CtaTrace[] out = new CtaTrace[last - first];
    for (int i = first; i < last; i++) {
      try {
        out[i - first] = file.decodeCta(kernel, i, bytes, decoder);
      } catch (InputException | RuntimeException | Error e) {
        return new Batch(Arrays.copyOf(out, i - first), e);
      }
    }
    return new Batch(out, null);
  }

  /**
   * The expanded chunk holding CTA {@code index}. Decode tasks share it, so with {@code shared}
   * it is a private copy rather than the reader's reused buffer.
   */
  private byte[] chunkFor(int index, boolean shared) throws InputException {
    int c = file.chunkOf(kernel, index);
    if (c != loadedChunk) {
      // Forget the old chunk first: a failed read may have overwritten the reused buffer.
      loadedChunk = -1;
      chunk = null;
      byte[] raw = file.readChunk(kernel, c, reader);
      chunk = shared ? Arrays.copyOf(raw, file.chunkRawLength(kernel, c)) : raw;
      loadedChunk = c;
    }
    return chunk;
  }

  /**
   * Waits for a batch. Not interruptibly: the wait is for a few CTAs' decoding, and giving up
   * would lose the batch's place in the stream; the interrupt is kept for the caller.
   */
  private static Batch await(Future<Batch> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          // decode() catches what it can; anything else is a failure of the pool itself.
          return new Batch(new CtaTrace[0], e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Throws {@code t} as what it is; an InputException is returned only to satisfy javac. */
  private static InputException rethrow(Throwable t) throws InputException {
    if (t instanceof InputException e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("decoding a CTA failed", t);
  }

  /** Drops the batches not yet handed out; running ones finish on their own and are dropped. */
  private void cancelPending() {
    for (Future<Batch> f : pending) {
      f.cancel(false);
    }
    pending.clear();
    batch = null;
    chunk = null;
    loadedChunk = -1;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      // No waiting: a running task touches only its own copy of a chunk and the index.
      cancelPending();
      reader.close();
    }
  }
}
