package io.sassim.sim.memory;

import io.sassim.sim.config.DramConfig;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.InterconnectConfig;
import io.sassim.sim.config.L2Config;

/**
 * The memory below the SMs' L1 caches: the crossbar ({@link #smRequestPort} and the slice
 * ports), the L2 ({@link L2Partition}, one per partition) and device memory ({@link
 * DramChannels}), built from a {@link GpuConfig}. docs/model.md ("Memory below the L1")
 * describes the model and its sources.
 *
 * <p>{@link #exchange} serves a window's requests in (cycle, SM, queue order) order and walks
 * each through the path it takes, booking every resource it crosses; the model's state (tags,
 * open rows, bookings) carries over from window to window. Time inside is counted in ticks of
 * 1/1024 core cycle, so that DRAM timings in nanoseconds and port rates in bytes per cycle keep
 * their fractions; replies are rounded up to whole cycles.
 *
 * <p>Every latency of the config is what one request sees with nothing else in flight: a
 * one-sector load that hits the near partition replies after exactly {@code l2.hitLatency}
 * cycles, one that hits the far partition after {@code l2.farHitLatency}, one that misses and
 * finds another row open in its bank after {@code dram.latency}. The fixed parts of each path
 * are derived from those sums; queueing for ports, banks and buses adds to them.
 */
public final class MemorySystem implements LowerMemory {

  static final int LINE_BYTES = 128;
  static final int SECTOR_BYTES = 32;
  static final int TICK_BITS = 10;
  static final long TICKS_PER_CYCLE = 1L << TICK_BITS;
  private static final int PORT_RING = 1 << 12;

  private final int smCount;
  private final int partitions;
  private final int slicesPerPartition;
  private final int channels;
  private final int[] partitionOfSm;
  private final AddressMapping map;
  private final L2Partition[] l2;
  private final DramChannels dram;
  private final SlotCalendar[] smRequestPort;
  private final SlotCalendar[] smReplyPort;
  /** Slice ports and atomic units, indexed {@code partition * slicesPerPartition + slice}. */
  private final SlotCalendar[] sliceRequestPort;
  private final SlotCalendar[] sliceReplyPort;
  private final SlotCalendar[] atomicUnit;
  private final int hitLatency;
  private final long hopTicks;
  private final long slicePipeTicks;
  private final long farGoTicks;
  private final long farBackTicks;
  private final long controllerInTicks;
  private final long controllerOutTicks;
  private final long atomicTicks;

  /** Window ordering scratch: requests bucketed by cycle, kept between windows. */
  private int[] cycleCounts = new int[64];
  private int[] orderSm = new int[256];
  private int[] orderIndex = new int[256];

  private long requests;
  private long loadSectors;
  private long storeSectors;
  private long atomicSectors;
  private long sectorHits;
  private long farSectorHits;
  private long sectorMisses;
  private long victimsMoved;
  private long writebackSectors;

  public MemorySystem(GpuConfig config) {
    InterconnectConfig icnt = config.interconnect();
    L2Config l2c = config.l2();
    DramConfig d = config.dram();
    double mhz = config.clocks().coreMhz();
    smCount = config.smCount();
    partitions = l2c.partitions();
    slicesPerPartition = l2c.slices() / partitions;
    channels = d.channels();
    partitionOfSm = new int[smCount];
    for (int s = 0; s < smCount; s++) {
      // SMs are numbered GPC by GPC: the first half sits in the GPCs wired to partition 0.
      partitionOfSm[s] = (int) ((long) s * partitions / smCount);
    }
    map = new AddressMapping(slicesPerPartition, l2c.setsPerSlice(), channels,
        d.banksPerChannel(), d.rowBytes());
    l2 = new L2Partition[partitions];
    for (int p = 0; p < partitions; p++) {
      l2[p] = new L2Partition(slicesPerPartition, l2c.setsPerSlice(), l2c.ways());
    }
    long smSlot = ticks(SECTOR_BYTES / icnt.smPortBytesPerCycle());
    long sliceSlot = ticks(SECTOR_BYTES / icnt.slicePortBytesPerCycle());
    atomicTicks = l2c.atomicCycles() * TICKS_PER_CYCLE;
    smRequestPort = calendars(smCount, smSlot);
    smReplyPort = calendars(smCount, smSlot);
    sliceRequestPort = calendars(l2c.slices(), sliceSlot);
    sliceReplyPort = calendars(l2c.slices(), sliceSlot);
    atomicUnit = calendars(l2c.slices(), atomicTicks);

    hitLatency = l2c.hitLatency();
    hopTicks = icnt.latency() * TICKS_PER_CYCLE;
    slicePipeTicks = (l2c.hitLatency() - 2L * icnt.latency()) * TICKS_PER_CYCLE;
    long farExtra = (long) (l2c.farHitLatency() - l2c.hitLatency()) * TICKS_PER_CYCLE;
    farGoTicks = farExtra / 2;
    farBackTicks = farExtra - farGoTicks;

    long activate = ticks(d.activateNs() * mhz / 1000);
    long precharge = ticks(d.prechargeNs() * mhz / 1000);
    long cas = ticks(d.casNs() * mhz / 1000);
    // one sector on one channel's bus: 32 bytes at peakGBps / channels
    double sectorNs = SECTOR_BYTES / (d.peakGBps() / channels);
    dram = new DramChannels(map, channels, d.banksPerChannel(), ticks(sectorNs * mhz / 1000),
        activate, precharge, cas, ticks(d.rowActiveNs() * mhz / 1000),
        ticks(d.activateIntervalNs() * mhz / 1000));
    long controller = d.latency() * TICKS_PER_CYCLE - 2 * hopTicks - (precharge + activate + cas);
    if (controller < slicePipeTicks) {
      throw new IllegalArgumentException("dram.latency " + d.latency()
          + " is shorter than an L2 hit plus the DRAM timings");
    }
    controllerInTicks = controller / 2;
    controllerOutTicks = controller - controllerInTicks;
  }

  private static long ticks(double cycles) {
    return Math.max(1, Math.round(cycles * TICKS_PER_CYCLE));
  }

  private static SlotCalendar[] calendars(int n, long slotTicks) {
    SlotCalendar[] c = new SlotCalendar[n];
    for (int i = 0; i < n; i++) {
      c[i] = new SlotCalendar(slotTicks, PORT_RING);
    }
    return c;
  }

  @Override
  public int minimumLatency() {
    return hitLatency;
  }

  @Override
  public void exchange(long windowEnd, MemoryRequestQueue[] requestQueues,
      MemoryReplyQueue[] replies) {
    int total = order(requestQueues);
    for (int k = 0; k < total; k++) {
      int sm = orderSm[k];
      MemoryRequestQueue q = requestQueues[sm];
      int i = orderIndex[k];
      serve(windowEnd, sm, q.cycle(i), q.lineAddress(i), q.sectorMask(i) & 0xF, q.kind(i),
          q.tag(i), q.laneOperations(i), replies[sm]);
    }
    for (MemoryRequestQueue q : requestQueues) {
      q.clear();
    }
  }

  /**
   * Puts the window's requests in (cycle, SM, queue order) order into orderSm / orderIndex: a
   * counting sort on the cycle, stable over SMs taken in index order. Returns their number.
   */
  private int order(MemoryRequestQueue[] queues) {
    int total = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (MemoryRequestQueue q : queues) {
      for (int i = 0, n = q.size(); i < n; i++) {
        long c = q.cycle(i);
        min = Math.min(min, c);
        max = Math.max(max, c);
      }
      total += q.size();
    }
    if (total == 0) {
      return 0;
    }
    int range = Math.toIntExact(max - min + 1);
    if (cycleCounts.length < range + 1) {
      cycleCounts = new int[Integer.highestOneBit(range) * 2 + 1];
    }
    if (orderSm.length < total) {
      orderSm = new int[Integer.highestOneBit(total) * 2];
      orderIndex = new int[orderSm.length];
    }
    java.util.Arrays.fill(cycleCounts, 0, range + 1, 0);
    for (MemoryRequestQueue q : queues) {
      for (int i = 0, n = q.size(); i < n; i++) {
        cycleCounts[(int) (q.cycle(i) - min) + 1]++;
      }
    }
    for (int c = 1; c <= range; c++) {
      cycleCounts[c] += cycleCounts[c - 1];
    }
    for (int s = 0; s < queues.length; s++) {
      MemoryRequestQueue q = queues[s];
      for (int i = 0, n = q.size(); i < n; i++) {
        int at = cycleCounts[(int) (q.cycle(i) - min)]++;
        orderSm[at] = s;
        orderIndex[at] = i;
      }
    }
    return total;
  }

  private void serve(long windowEnd, int sm, long cycle, long lineAddress, int mask, int kind,
      long tag, int laneOperations, MemoryReplyQueue reply) {
    requests++;
    long line = Math.floorDiv(lineAddress, LINE_BYTES);
    int sectors = Integer.bitCount(mask);
    if (sectors == 0) {
      return;
    }
    int near = partitionOfSm[sm];
    int slice = map.slice(line);
    int set = map.set(line);
    // Request network: a read is one flit, a write or an atomic carries its sectors.
    int flits = kind == MemoryRequestQueue.LOAD ? 1 : sectors;
    long t = cycle << TICK_BITS;
    t += smRequestPort[sm].book(t, flits);
    t += hopTicks;
    int port = near * slicesPerPartition + slice;
    t += sliceRequestPort[port].book(t, flits);
    switch (kind) {
      case MemoryRequestQueue.LOAD -> {
        loadSectors += sectors;
        long data = load(near, slice, set, line, mask, t);
        send(windowEnd, sm, port, data, sectors, tag, reply);
      }
      case MemoryRequestQueue.STORE -> {
        storeSectors += sectors;
        store(near, slice, set, line, mask, t);
        // The acknowledgement is a header: it takes no port slot worth modelling.
        reply.add(Math.max(windowEnd, toCycle(t + slicePipeTicks + hopTicks)), tag);
      }
      case MemoryRequestQueue.ATOMIC, MemoryRequestQueue.REDUCTION -> {
        atomicSectors += sectors;
        int home = homePartition(line);
        long go = home == near ? 0 : farGoTicks;
        long done = atomic(home, slice, set, line, mask, laneOperations, t + go);
        if (kind == MemoryRequestQueue.ATOMIC) {
          int homePort = home * slicesPerPartition + slice;
          long leave = done + sliceReplyPort[homePort].book(done, sectors);
          leave += home == near ? 0 : farBackTicks;
          long arrive = leave + hopTicks;
          arrive += smReplyPort[sm].book(arrive, sectors);
          reply.add(Math.max(windowEnd, toCycle(arrive)), tag);
        }
      }
      default -> throw new IllegalArgumentException("unknown request kind " + kind);
    }
  }

  /** Sends load data that is ready at the slice at {@code data} back to the SM. */
  private void send(long windowEnd, int sm, int port, long data, int sectors, long tag,
      MemoryReplyQueue reply) {
    long leave = data + sliceReplyPort[port].book(data, sectors);
    long arrive = leave + hopTicks;
    arrive += smReplyPort[sm].book(arrive, sectors);
    reply.add(Math.max(windowEnd, toCycle(arrive)), tag);
  }

  private static long toCycle(long tick) {
    return (tick + TICKS_PER_CYCLE - 1) >> TICK_BITS;
  }

  /** The partition an address belongs to: the one wired to its DRAM channel. */
  int homePartition(long line) {
    return partitions == 1 ? 0 : (int) ((long) map.channel(line) * partitions / channels);
  }

  /**
   * A load's sectors at the near partition, request arrived at the slice at {@code t}. Returns
   * the tick its data is ready to leave the slice.
   */
  private long load(int near, int slice, int set, long line, int mask, long t) {
    L2Partition c = l2[near];
    int base = c.setBase(slice, set);
    int e = c.find(base, line);
    int have = e >= 0 ? c.valid[e] : 0;
    long data = t + slicePipeTicks;
    if ((mask & have) != 0) {
      data = Math.max(data, c.readyTick[e]);
      sectorHits += Integer.bitCount(mask & have);
    }
    int missing = mask & ~have;
    if (missing == 0) {
      c.touch(e);
      return data;
    }
    // The far partition may hold the sectors: this partition's victims move back, the other
    // partition's own lines are copied.
    int fromFar = 0;
    int farDirty = 0;
    long farData = 0;
    if (partitions == 2) {
      L2Partition far = l2[1 - near];
      int f = far.find(far.setBase(slice, set), line);
      if (f >= 0 && (missing & far.valid[f]) != 0) {
        fromFar = missing & far.valid[f];
        farData = Math.max(t + slicePipeTicks, far.readyTick[f]) + farGoTicks + farBackTicks;
        farSectorHits += Integer.bitCount(fromFar);
        if (far.owner[f] == near) {
          farDirty = far.dirty[f] & fromFar;
          far.drop(f, fromFar);
        } else {
          far.touch(f);
        }
      }
    }
    if (e < 0) {
      e = allocate(near, slice, set, base, line, t);
    }
    if (fromFar != 0) {
      c.valid[e] |= (byte) fromFar;
      c.dirty[e] |= (byte) farDirty;
      c.readyTick[e] = Math.max(c.readyTick[e], farData);
      data = Math.max(data, farData);
      missing &= ~fromFar;
    }
    if (missing != 0) {
      int n = Integer.bitCount(missing);
      sectorMisses += n;
      long filled = dram.access(t + controllerInTicks, line, n, false) + controllerOutTicks;
      c.valid[e] |= (byte) missing;
      c.readyTick[e] = Math.max(c.readyTick[e], filled);
      data = Math.max(data, filled);
    }
    c.touch(e);
    return data;
  }

  /** Write-back, write-allocate without fetch: sectors are written whole. */
  private void store(int near, int slice, int set, long line, int mask, long t) {
    if (partitions == 2) {
      L2Partition far = l2[1 - near];
      int f = far.find(far.setBase(slice, set), line);
      if (f >= 0) {
        far.drop(f, mask); // the other partition's copy is stale now
      }
    }
    L2Partition c = l2[near];
    int base = c.setBase(slice, set);
    int e = c.find(base, line);
    if (e < 0) {
      e = allocate(near, slice, set, base, line, t);
    }
    c.valid[e] |= (byte) mask;
    c.dirty[e] |= (byte) mask;
    c.touch(e);
  }

  /**
   * An atomic or reduction, performed at the line's home partition so that all SMs serialize
   * on one copy. The slice's atomic unit takes one sector, or one operation on the busiest
   * address, per {@code atomicCycles}: lanes on one address are performed one after another
   * (our H200's atomic_throughput: 32 lanes on one word cost about 2 cycles each). Returns the
   * tick its results are ready to leave the slice.
   */
  private long atomic(int home, int slice, int set, long line, int mask, int laneOperations,
      long t) {
    L2Partition c = l2[home];
    int base = c.setBase(slice, set);
    int e = c.find(base, line);
    int have = e >= 0 ? c.valid[e] : 0;
    long data = t + slicePipeTicks;
    if ((mask & have) != 0) {
      data = Math.max(data, c.readyTick[e]);
      sectorHits += Integer.bitCount(mask & have);
    }
    int missing = mask & ~have;
    int fromOther = 0;
    int otherDirty = 0;
    if (partitions == 2) {
      L2Partition other = l2[1 - home];
      int f = other.find(other.setBase(slice, set), line);
      if (f >= 0) {
        fromOther = missing & other.valid[f];
        otherDirty = other.dirty[f] & fromOther;
        if (fromOther != 0) {
          farSectorHits += Integer.bitCount(fromOther);
          data = Math.max(data, Math.max(t + slicePipeTicks, other.readyTick[f])
              + farGoTicks + farBackTicks);
        }
        other.drop(f, mask);
      }
    }
    if (e < 0) {
      e = allocate(home, slice, set, base, line, t);
    }
    missing &= ~fromOther;
    c.dirty[e] |= (byte) otherDirty;
    if (missing != 0) {
      int n = Integer.bitCount(missing);
      sectorMisses += n;
      data = Math.max(data,
          dram.access(t + controllerInTicks, line, n, false) + controllerOutTicks);
    }
    int sectors = Integer.bitCount(mask);
    long done = data + atomicUnit[home * slicesPerPartition + slice]
        .book(data, Math.max(sectors, laneOperations)) + atomicTicks;
    c.valid[e] |= (byte) mask;
    c.dirty[e] |= (byte) mask;
    c.readyTick[e] = Math.max(c.readyTick[e], done);
    c.touch(e);
    return done;
  }

  /** An empty entry for {@code line} in partition {@code p}, evicting what was there. */
  private int allocate(int p, int slice, int set, int base, long line, long now) {
    L2Partition c = l2[p];
    int v = c.victim(base);
    if (c.tag[v] != L2Partition.NO_LINE) {
      evict(p, v, slice, set, now);
    }
    c.install(v, line, p);
    return v;
  }

  /**
   * With two partitions, a line a partition brought in moves to the other partition when it is
   * evicted (as a victim, keeping its owner), so one SM can use the whole L2: its near
   * partition's lines at near latency and the rest at far latency. Victims evicted again, and
   * every line with one partition, leave the L2, written back when dirty.
   */
  private void evict(int p, int v, int slice, int set, long now) {
    L2Partition c = l2[p];
    long line = c.tag[v];
    if (partitions == 2 && c.owner[v] == p) {
      victimsMoved++;
      L2Partition o = l2[1 - p];
      int ob = o.setBase(slice, set);
      int w = o.find(ob, line);
      if (w < 0) {
        w = o.victim(ob);
        if (o.tag[w] != L2Partition.NO_LINE) {
          writeBack(o, w, now);
        }
        o.install(w, line, p);
      } else {
        o.touch(w);
      }
      o.valid[w] |= c.valid[v];
      o.dirty[w] |= c.dirty[v];
      o.readyTick[w] = Math.max(o.readyTick[w], c.readyTick[v]);
    } else {
      writeBack(c, v, now);
    }
  }

  private void writeBack(L2Partition c, int entry, long now) {
    int d = c.dirty[entry];
    if (d != 0) {
      int n = Integer.bitCount(d);
      writebackSectors += n;
      dram.access(now + controllerInTicks, c.tag[entry], n, true);
    }
  }

  @Override
  public void reportTo(StatSink sink) {
    sink.add("memoryRequests", requests, "line requests that reached the L2");
    sink.add("l2LoadSectors", loadSectors, "sectors loaded through the L2");
    sink.add("l2StoreSectors", storeSectors, "sectors stored into the L2");
    sink.add("l2AtomicSectors", atomicSectors, "sectors of atomics and reductions done at the L2");
    sink.add("l2SectorHits", sectorHits, "sectors found in the L2 partition that served them");
    sink.add("l2FarSectorHits", farSectorHits, "sectors found in the other (far) L2 partition");
    sink.add("l2SectorMisses", sectorMisses, "sectors read from DRAM on an L2 miss");
    sink.add("l2VictimsMoved", victimsMoved, "lines evicted into the other L2 partition");
    sink.add("l2WritebackSectors", writebackSectors, "dirty sectors written back to DRAM");
    sink.add("dramReadSectors", dram.readSectors, "32-byte sectors read from DRAM");
    sink.add("dramWriteSectors", dram.writeSectors, "32-byte sectors written to DRAM");
    sink.add("dramReadBytes", dram.readSectors * SECTOR_BYTES, "bytes read from DRAM");
    sink.add("dramWriteBytes", dram.writeSectors * SECTOR_BYTES, "bytes written to DRAM");
    sink.add("dramRowHits", dram.rowHits, "DRAM accesses that found their row open");
    sink.add("dramRowMisses", dram.rowMisses, "DRAM accesses to a bank with no open row");
    sink.add("dramRowConflicts", dram.rowConflicts,
        "DRAM accesses that closed another open row first");
    sink.add("dramBusBusyCycles", cycles(dram.busBusyTicks()),
        "core cycles DRAM data buses were busy, summed over channels");
    sink.add("icntSmPortBusyCycles", cycles(busy(smRequestPort) + busy(smReplyPort)),
        "core cycles SM crossbar ports were busy, both directions, summed over SMs");
    sink.add("icntSlicePortBusyCycles", cycles(busy(sliceRequestPort) + busy(sliceReplyPort)),
        "core cycles L2 slice ports were busy, both directions, summed over slices");
    sink.add("l2AtomicBusyCycles", cycles(busy(atomicUnit)),
        "core cycles L2 atomic units were busy, summed over slices");
  }

  private static long busy(SlotCalendar[] cs) {
    long t = 0;
    for (SlotCalendar c : cs) {
      t += c.busyTicks();
    }
    return t;
  }

  private static long cycles(long ticks) {
    return ticks >> TICK_BITS;
  }

  /** The address hashes, for tests that build conflicts. */
  AddressMapping mapping() {
    return map;
  }

  int partitionOf(int sm) {
    return partitionOfSm[sm];
  }
}
