package io.sassim.traces.binary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently expanded CTA chunks, shared by the threads that read CTAs by index, so that
 * reading the CTAs of one chunk one by one expands it once rather than once per CTA. Entries are
 * immutable once cached; two threads may expand the same chunk at once, which only costs time.
 */
final class ChunkCache {

  private final Map<Long, byte[]> chunks;

  ChunkCache(int capacity) {
    chunks = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
        return size() > capacity;
      }
    };
  }

  static long key(int kernel, int chunk) {
    return (long) kernel << 32 | Integer.toUnsignedLong(chunk);
  }

  synchronized byte[] get(long key) {
    return chunks.get(key);
  }

  synchronized void put(long key, byte[] chunk) {
    chunks.put(key, chunk);
  }
}
