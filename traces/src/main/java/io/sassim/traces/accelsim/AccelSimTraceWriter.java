package io.sassim.traces.accelsim;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.TraceWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes a trace folder that Accel-Sim runs: {@code kernelslist.g} with the copies and kernels in
 * order, and one {@code kernel-N.traceg} (or {@code .traceg.xz}) per kernel, N counting from 1.
 * Everything goes to a hidden sibling folder that {@link #commit()} renames into place in one
 * step; closing without a commit deletes it.
 *
 * <p>The model must fit the format: at most five general source registers per instruction, one
 * address per active lane for memory instructions, and no more warps than the block has;
 * otherwise the writer throws {@link IllegalArgumentException}.
 */
public final class AccelSimTraceWriter implements TraceWriter {

  /** xz preset 1, the level Accel-Sim's tracer and post-processor use ({@code xz -1}). */
  private static final int XZ_PRESET = 1;

  private final Path folder;
  private final Path temp;
  private final boolean compress;
  private final List<String> commands = new ArrayList<>();
  private KernelFileWriter kernel;
  private KernelLaunch launch;
  private int kernels;
  private boolean committed;
  private boolean closed;

  /**
   * @param folder the folder to create; it must not exist yet
   * @param compress write {@code .traceg.xz} files instead of {@code .traceg}
   */
  public AccelSimTraceWriter(Path folder, boolean compress) throws IOException {
    this.folder = folder;
    this.compress = compress;
    if (Files.exists(folder)) {
      throw new FileAlreadyExistsException(folder.toString());
    }
    Path parent = folder.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    temp = createSibling(parent, folder.getFileName().toString());
  }

  /**
   * A new hidden folder next to the target. Not Files.createTempDirectory: that makes it
   * owner-only, and the rename would hand the user traces others cannot read.
   */
  private static Path createSibling(Path parent, String name) throws IOException {
    for (long n = System.nanoTime(); ; n++) {
      try {
        return Files.createDirectory(parent.resolve("." + name + ".tmp-" + Long.toHexString(n)));
      } catch (FileAlreadyExistsException e) {
        // another writer picked this name; try the next
      }
    }
  }

  @Override
  public void memcpy(long address, long bytes) {
    requireOpen(false);
    commands.add(String.format("%s,0x%016x,%d", CommandList.MEMCPY, address, bytes));
  }

  @Override
  public void beginKernel(KernelLaunch launch) throws IOException {
    requireOpen(false);
    kernels++;
    String name = "kernel-" + kernels + (compress ? ".traceg.xz" : ".traceg");
    OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp.resolve(name)));
    OutputStream out = compress ? new XZOutputStream(file, new LZMA2Options(XZ_PRESET)) : file;
    this.kernel = new KernelFileWriter(new AsciiOut(out), launch);
    this.launch = launch;
    commands.add(name);
  }

  @Override
  public void cta(CtaTrace cta, InstructionTable table) throws IOException {
    requireOpen(true);
    if (cta.warps().size() > launch.warpsPerCta()) {
      throw new IllegalArgumentException("CTA " + cta.ctaId() + " has " + cta.warps().size()
          + " warps but a block of " + launch.threadsPerCta() + " threads has "
          + launch.warpsPerCta());
    }
    kernel.cta(cta, table);
  }

  @Override
  public void endKernel() throws IOException {
    requireOpen(true);
    KernelFileWriter k = kernel;
    kernel = null;
    launch = null;
    k.close();
  }

  @Override
  public void commit() throws IOException {
    requireOpen(false);
    StringBuilder list = new StringBuilder();
    for (String c : commands) {
      list.append(c).append('\n');
    }
    Files.writeString(temp.resolve(AccelSimTraces.COMMAND_LIST), list);
    if (Files.exists(folder)) {
      throw new FileAlreadyExistsException(folder.toString());
    }
    Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  private void requireOpen(boolean inKernel) {
    if (committed || closed) {
      throw new IllegalStateException("writer of " + folder + " is already "
          + (committed ? "committed" : "closed"));
    }
    if (inKernel != (kernel != null)) {
      throw new IllegalStateException(inKernel ? "no kernel begun" : "kernel not ended");
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (kernel != null) {
        KernelFileWriter k = kernel;
        kernel = null;
        k.close();
      }
    } finally {
      if (!committed) {
        deleteTree(temp);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }
}
