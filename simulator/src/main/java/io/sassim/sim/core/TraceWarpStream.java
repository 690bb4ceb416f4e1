package io.sassim.sim.core;

import io.sassim.traces.model.WarpTrace;

/** A recorded warp: every entry is known from the start, and issue changes nothing. */
public final class TraceWarpStream implements WarpStream {

  private final WarpTrace trace;
  private final int length;

  public TraceWarpStream(WarpTrace trace) {
    this.trace = trace;
    this.length = trace.length();
  }

  @Override
  public int warpInCta() {
    return trace.warpInCta();
  }

  @Override
  public boolean available(int i) {
    return i < length;
  }

  @Override
  public boolean ended(int i) {
    return i >= length;
  }

  @Override
  public int instructionId(int i) {
    return trace.instructionId(i);
  }

  @Override
  public int activeMask(int i) {
    return trace.activeMask(i);
  }

  @Override
  public int addressCount(int i) {
    return trace.addressCount(i);
  }

  @Override
  public long address(int i, int k) {
    return trace.address(i, k);
  }

  @Override
  public void copyAddresses(int i, long[] into) {
    trace.copyAddresses(i, into);
  }

  @Override
  public boolean isStrided(int i) {
    return trace.isStrided(i);
  }

  @Override
  public long stride(int i) {
    return trace.stride(i);
  }

  @Override
  public void issued(int i, long cycle) {}
}
