package io.sassim.isa.launch;

import java.nio.file.Path;
import java.util.OptionalLong;

/** How a buffer's initial contents are made; {@link BufferContents} turns one into bytes. */
public sealed interface Initializer {

  /** Every element is {@code value} (a Long for integer types, a Double for float types). */
  record Constant(Number value) implements Initializer {}

  /** Element i is start + i·step (integers wrap modulo the type's width; floats in double). */
  record Iota(Number start, Number step) implements Initializer {}

  /** Uniform in [min, max), drawn from {@code SplittableRandom(seed)} in element order. */
  record Uniform(long seed, Number min, Number max) implements Initializer {}

  /** mean + stddev · nextGaussian(), float types only, drawn in element order. */
  record Normal(long seed, double mean, double stddev) implements Initializer {}

  /** Raw little-endian bytes of {@code path} (resolved against the spec's folder). */
  record FromFile(Path path) implements Initializer {}

  /**
   * A single cycle through the elements at multiples of {@code strideBytes}; in index order, or
   * in a random cyclic order when {@code randomSeed} is present. Each chain element holds the
   * next element's index, or with {@code pointers} (u64 only) its device address: the buffer's
   * base address plus the byte offset.
   */
  record PointerChase(long strideBytes, OptionalLong randomSeed, boolean pointers)
      implements Initializer {
    /** The index form. */
    public PointerChase(long strideBytes, OptionalLong randomSeed) {
      this(strideBytes, randomSeed, false);
    }
  }
}
