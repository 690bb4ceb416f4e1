package io.sassim.traces.accelsim;

import java.util.Arrays;

/**
 * Maps the bytes of a line's static fields (everything but the mask and the addresses) to the
 * instruction id they were interned as. A line whose static part was seen before is resolved with
 * one hash and one byte comparison, without building strings or a {@code StaticInstruction}.
 * Open addressing over primitive arrays; keys are copied into one growing byte arena.
 */
final class StaticKeyCache {

  static final int MISSING = -1;

  private byte[] arena = new byte[4096];
  private int arenaUsed;
  private int[] keyStart = new int[256];
  private int[] keyLength = new int[256];
  private int[] hashes = new int[256];
  private int[] ids = new int[256];
  private int size;

  StaticKeyCache() {
    Arrays.fill(ids, MISSING);
  }

  static int hash(byte[] key, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + key[i];
    }
    return h ^ (h >>> 16);
  }

  /** The id stored for {@code key[0, length)}, or {@link #MISSING}. */
  int get(byte[] key, int length, int hash) {
    int mask = ids.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (ids[slot] == MISSING) {
        return MISSING;
      }
      if (hashes[slot] == hash && keyLength[slot] == length
          && Arrays.equals(arena, keyStart[slot], keyStart[slot] + length, key, 0, length)) {
        return ids[slot];
      }
    }
  }

  void put(byte[] key, int length, int hash, int id) {
    if (2 * (size + 1) > ids.length) {
      grow();
    }
    if (arenaUsed + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(key, 0, arena, arenaUsed, length);
    insert(arenaUsed, length, hash, id);
    arenaUsed += length;
    size++;
  }

  private void insert(int start, int length, int hash, int id) {
    int mask = ids.length - 1;
    int slot = hash & mask;
    while (ids[slot] != MISSING) {
      slot = (slot + 1) & mask;
    }
    keyStart[slot] = start;
    keyLength[slot] = length;
    hashes[slot] = hash;
    ids[slot] = id;
  }

  private void grow() {
    int[] oldStart = keyStart;
    int[] oldLength = keyLength;
    int[] oldHashes = hashes;
    int[] oldIds = ids;
    int capacity = oldIds.length * 2;
    keyStart = new int[capacity];
    keyLength = new int[capacity];
    hashes = new int[capacity];
    ids = new int[capacity];
    Arrays.fill(ids, MISSING);
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != MISSING) {
        insert(oldStart[i], oldLength[i], oldHashes[i], oldIds[i]);
      }
    }
  }
}
