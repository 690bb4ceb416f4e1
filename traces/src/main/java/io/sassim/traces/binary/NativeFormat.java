package io.sassim.traces.binary;

import java.nio.charset.StandardCharsets;

/** The constants of the file layout; {@code docs/trace-formats.md} explains each. */
final class NativeFormat {

  /** PNG-style: a non-ASCII first byte and CR LF SUB catch text-mode transfers. */
  static final byte[] MAGIC = {(byte) 0x89, 'S', 'S', 'T', 'R', '\r', '\n', 0x1A};

  /** Ends the trailer, so a truncated file is told apart from a damaged one. */
  static final byte[] END_MAGIC = "SSTE".getBytes(StandardCharsets.US_ASCII);

  /** The version this code writes and the newest it reads. */
  static final int VERSION = 1;

  /** Magic, u32 version, u32 CRC32C of the first 12 bytes. */
  static final int HEADER_BYTES = 16;

  /** u8 kind, u8 codec, u16 zero, u32 stored length, u32 raw length, u32 CRC32C. */
  static final int FRAME_BYTES = 16;

  /** u64 index offset, u32 CRC32C of that offset, end magic. */
  static final int TRAILER_BYTES = 16;

  /** Block kinds. */
  static final int KIND_LAUNCH = 1;
  static final int KIND_CTAS = 2;
  static final int KIND_TABLE = 3;
  static final int KIND_INDEX = 4;

  /** Command tags inside the index. */
  static final int COMMAND_MEMCPY = 0;
  static final int COMMAND_KERNEL = 1;

  /** The suffix the writer's callers should use. */
  static final String EXTENSION = ".sstrace";

  private NativeFormat() {}

  static String kindName(int kind) {
    return switch (kind) {
      case KIND_LAUNCH -> "launch";
      case KIND_CTAS -> "CTA chunk";
      case KIND_TABLE -> "instruction table";
      case KIND_INDEX -> "index";
      default -> "kind " + kind;
    };
  }
}
