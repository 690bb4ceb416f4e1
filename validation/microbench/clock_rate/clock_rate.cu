// SM clock rate: one thread reads %clock64 (SM cycles) and %globaltimer (ns), spins on the
// timer until spin_ns has passed, and reads both again. clocks[0] = cycles, clocks[1] = ns, so
// their ratio is the clock frequency in GHz that turns simulated cycles into hardware time.
// Listings (sm_80-sm_90): CS2R of SR_CLOCKLO and SR_GLOBALTIMERLO (64-bit pairs) around a
// 6-instruction spin loop (timer read, 64-bit subtract and compare, branch).
extern "C" __global__ void clock_rate(unsigned long long* clocks, long long spin_ns) {
  unsigned long long c0, c1, g0, g1, now;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(g0));
  asm volatile("mov.u64 %0, %%clock64;" : "=l"(c0));
  do {
    asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(now));
  } while (static_cast<long long>(now - g0) < spin_ns);
  asm volatile("mov.u64 %0, %%clock64;" : "=l"(c1));
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(g1));
  clocks[0] = c1 - c0;
  clocks[1] = g1 - g0;
}
