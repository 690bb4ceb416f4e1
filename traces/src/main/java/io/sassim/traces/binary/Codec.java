package io.sassim.traces.binary;

/**
 * The general-purpose compressors a block may use, named in each block's frame by {@link #id}, so
 * one file may mix them and a reader needs no file-level setting. {@code docs/trace-formats.md}
 * gives the measurements behind the default.
 */
enum Codec {
  /** Bytes as they are; used when compression would not shrink a block. */
  STORED(0),
  /** Raw deflate (no zlib wrapper: the frame has its own checksum). */
  DEFLATE(1),
  /** Raw LZMA2 (no .xz container), dictionary no larger than the block. */
  LZMA2(2),
  /** A zstd frame, through the pure-Java aircompressor. */
  ZSTD(3);

  final int id;

  Codec(int id) {
    this.id = id;
  }

  /** The codec with this id, or {@code null} for an id this version does not know. */
  static Codec byId(int id) {
    for (Codec c : values()) {
      if (c.id == id) {
        return c;
      }
    }
    return null;
  }
}
