// Runs the committed sm_90 / sm_90a corpus cubins on a Hopper GPU and checks every workload's
// output against a CPU reference; prints the microbenchmarks' clock deltas.
//
//   nvcc -std=c++17 -o corpus-check scripts/corpus-device-check.cu -lcuda && ./corpus-check
//
// It loads the cubins exactly as committed (ptxas 12.4) through the driver API, so it also shows
// that they load under the machine's driver. Inputs come from a small generator here, not from the
// launch specs: this is a check of the kernels, not of the harness.
#include <cuda.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <cuda_fp16.h>

static int failures = 0;

#define CU(call)                                                                       \
  do {                                                                                 \
    CUresult r_ = (call);                                                              \
    if (r_ != CUDA_SUCCESS) {                                                          \
      const char* s_ = nullptr;                                                        \
      cuGetErrorString(r_, &s_);                                                       \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, s_ ? s_ : "?"); \
      std::exit(1);                                                                    \
    }                                                                                  \
  } while (0)

// xorshift64*: reproducible inputs without the launch-spec generator.
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed * 2654435761u + 1) {}
  uint64_t next() { s ^= s >> 12; s ^= s << 25; s ^= s >> 27; return s * 2685821657736338717ull; }
  float uniform(float lo, float hi) { return lo + (hi - lo) * float(next() >> 40) / float(1 << 24); }
};

template <class T>
struct Buf {
  std::vector<T> host;
  CUdeviceptr dev = 0;
  explicit Buf(size_t n, T fill = T()) : host(n, fill) {
    CU(cuMemAlloc(&dev, n * sizeof(T)));
    up();
  }
  void up() { CU(cuMemcpyHtoD(dev, host.data(), host.size() * sizeof(T))); }
  void down() { CU(cuMemcpyDtoH(host.data(), dev, host.size() * sizeof(T))); }
  ~Buf() { cuMemFree(dev); }
};

static CUfunction load(const char* path, const char* name) {
  CUmodule m;
  CUresult r = cuModuleLoad(&m, path);
  if (r != CUDA_SUCCESS) {
    const char* s = nullptr;
    cuGetErrorString(r, &s);
    std::printf("FAIL %-18s cannot load %s: %s\n", name, path, s ? s : "?");
    failures++;
    return nullptr;
  }
  CUfunction f;
  CU(cuModuleGetFunction(&f, m, name));
  return f;
}

static void launch(CUfunction f, dim3 grid, dim3 block, std::vector<void*> args, unsigned shmem = 0) {
  CU(cuLaunchKernel(f, grid.x, grid.y, grid.z, block.x, block.y, block.z, shmem, nullptr,
                    args.data(), nullptr));
  CU(cuCtxSynchronize());
}

static void report(const char* name, double worst, double tol) {
  bool ok = worst <= tol;
  if (!ok) failures++;
  std::printf("%s %-18s max error %.3g (tolerance %.3g)\n", ok ? "ok  " : "FAIL", name, worst, tol);
}

static std::string cubin(const char* dir, const char* name, const char* arch) {
  return std::string(dir) + "/" + name + "/" + name + "." + arch + ".cubin";
}

static const char* K = "traces/kernels";
static const char* M = "validation/microbench";

int main() {
  CU(cuInit(0));
  CUdevice dev;
  CU(cuDeviceGet(&dev, 0));
  char devname[128];
  CU(cuDeviceGetName(devname, sizeof devname, dev));
  CUcontext ctx;
  CU(cuDevicePrimaryCtxRetain(&ctx, dev));  // same call on CUDA 12 and 13
  CU(cuCtxSetCurrent(ctx));
  std::printf("device: %s\n", devname);
  const int n = 65536;

  if (CUfunction f = load(cubin(K, "saxpy", "sm_90").c_str(), "saxpy")) {
    Rng r(1);
    Buf<float> x(n), y(n);
    for (int i = 0; i < n; ++i) { x.host[i] = r.uniform(-1, 1); y.host[i] = 0.5f * i; }
    x.up(); y.up();
    std::vector<float> y0 = y.host;
    float a = 2.5f; int nn = n;
    launch(f, dim3(256), dim3(256), {&a, &x.dev, &y.dev, &nn});
    y.down();
    double w = 0;
    for (int i = 0; i < n; ++i) w = std::fmax(w, std::fabs(y.host[i] - (a * x.host[i] + y0[i])));
    report("saxpy", w, 1e-3);
  }
  if (CUfunction f = load(cubin(K, "reduce_sum", "sm_90").c_str(), "reduce_sum")) {
    const int m = 262144;
    Rng r(2);
    Buf<int> in(m), out(1, 0);
    long long want = 0;
    for (int i = 0; i < m; ++i) { in.host[i] = int(r.next() % 2000) - 1000; want += in.host[i]; }
    in.up();
    int mm = m;
    launch(f, dim3(128), dim3(256), {&in.dev, &out.dev, &mm});
    out.down();
    report("reduce_sum", std::fabs(double(out.host[0] - want)), 0);
  }
  if (CUfunction f = load(cubin(K, "sgemm_tiled", "sm_90").c_str(), "sgemm_tiled")) {
    const int s = 256;
    Rng r(3);
    Buf<float> a(s * s), b(s * s), c(s * s);
    for (auto& v : a.host) v = r.uniform(-1, 1);
    for (auto& v : b.host) v = r.uniform(-1, 1);
    a.up(); b.up();
    int ss = s;
    launch(f, dim3(8, 8), dim3(16, 16), {&a.dev, &b.dev, &c.dev, &ss});
    c.down();
    double w = 0;
    for (int i = 0; i < s; ++i)
      for (int j = 0; j < s; ++j) {
        double t = 0;
        for (int k = 0; k < s; ++k) t += double(a.host[i * s + k]) * b.host[k * s + j];
        w = std::fmax(w, std::fabs(c.host[i * s + j] - t));
      }
    report("sgemm_tiled", w, 1e-3);
  }
  // hgemm_mma and wgmma_tile share inputs: A m x k row-major, B as n columns of k, D row-major.
  auto gemm16 = [&](const char* name, const char* arch, dim3 grid, dim3 block) {
    CUfunction f = load(cubin(K, name, arch).c_str(), name);
    if (!f) return;
    const int s = 128;
    Rng r(4);
    Buf<__half> a(s * s), b(s * s);
    Buf<float> d(s * s);
    for (auto& v : a.host) v = __float2half(r.uniform(-1, 1));
    for (auto& v : b.host) v = __float2half(r.uniform(-1, 1));
    a.up(); b.up();
    int ss = s;
    launch(f, grid, block, {&a.dev, &b.dev, &d.dev, &ss, &ss, &ss});
    d.down();
    double w = 0;
    for (int i = 0; i < s; ++i)
      for (int j = 0; j < s; ++j) {
        double t = 0;
        for (int k = 0; k < s; ++k)
          t += double(__half2float(a.host[i * s + k])) * __half2float(b.host[j * s + k]);
        w = std::fmax(w, std::fabs(d.host[i * s + j] - t));
      }
    report(name, w, 1e-2);
  };
  gemm16("hgemm_mma", "sm_90", dim3(4, 8), dim3(128));
  gemm16("wgmma_tile", "sm_90a", dim3(16, 2), dim3(128));
  if (CUfunction f = load(cubin(K, "histogram", "sm_90").c_str(), "histogram")) {
    const int m = 1 << 20;
    Rng r(5);
    Buf<unsigned char> data(m);
    Buf<unsigned> bins(256, 0);
    std::vector<unsigned> want(256, 0);
    for (auto& v : data.host) { v = (unsigned char)(r.next() >> 56); want[v]++; }
    data.up();
    int mm = m;
    launch(f, dim3(64), dim3(256), {&data.dev, &bins.dev, &mm});
    bins.down();
    double w = 0;
    for (int i = 0; i < 256; ++i) w = std::fmax(w, std::fabs(double(bins.host[i]) - want[i]));
    report("histogram", w, 0);
  }
  if (CUfunction f = load(cubin(K, "collatz", "sm_90").c_str(), "collatz")) {
    Buf<unsigned> start(n), steps(n);
    for (int i = 0; i < n; ++i) start.host[i] = i + 1;
    start.up();
    int nn = n; unsigned cap = 1000;
    launch(f, dim3(256), dim3(256), {&start.dev, &steps.dev, &nn, &cap});
    steps.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      unsigned long long v = i + 1; unsigned s = 0;
      while (v > 1 && s < cap) { v = (v & 1) ? 3 * v + 1 : v >> 1; ++s; }
      w = std::fmax(w, std::fabs(double(steps.host[i]) - s));
    }
    report("collatz", w, 0);
  }
  if (CUfunction f = load(cubin(K, "transpose", "sm_90").c_str(), "transpose")) {
    const int rows = 512, cols = 256;
    Buf<float> in(rows * cols), out(rows * cols);
    for (int i = 0; i < rows * cols; ++i) in.host[i] = float(i);
    in.up();
    int rr = rows, cc = cols;
    launch(f, dim3(cols / 32, rows / 32), dim3(32, 8), {&in.dev, &out.dev, &rr, &cc});
    out.down();
    double w = 0;
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < cols; ++x) w = std::fmax(w, std::fabs(out.host[x * rows + y] - in.host[y * cols + x]));
    report("transpose", w, 0);
  }
  if (CUfunction f = load(cubin(K, "sfu_mix", "sm_90").c_str(), "sfu_mix")) {
    Rng r(6);
    Buf<float> x(n), y(n), out(n);
    for (int i = 0; i < n; ++i) { x.host[i] = r.uniform(-4, 4); y.host[i] = r.uniform(0.5f, 4); }
    x.up(); y.up();
    int nn = n;
    launch(f, dim3(256), dim3(256), {&x.dev, &y.dev, &out.dev, &nn});
    out.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      double a = x.host[i], b = y.host[i];
      double t = std::sin(a) * std::cos(b) + (std::exp2(a * 0.25) + std::log2(std::fabs(b) + 1)) /
                 std::sqrt(std::fabs(a) + 1) + a / b;
      w = std::fmax(w, std::fabs(out.host[i] - t));
    }
    report("sfu_mix", w, 1e-3);  // MUFU approximations: a few ulp of values up to ~10
  }
  if (CUfunction f = load(cubin(K, "dpoly", "sm_90").c_str(), "dpoly")) {
    Rng r(7);
    Buf<double> x(n), coef(8), y(n);
    for (auto& v : x.host) v = r.uniform(-1, 1);
    for (auto& v : coef.host) v = r.uniform(-2, 2);
    x.up(); coef.up();
    int nn = n;
    launch(f, dim3(256), dim3(256), {&x.dev, &coef.dev, &y.dev, &nn});
    y.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      double v = x.host[i], acc = coef.host[7];
      for (int k = 6; k >= 0; --k) acc = std::fma(acc, v, coef.host[k]);
      w = std::fmax(w, std::fabs(y.host[i] - (acc * v + (v + 1.0))));
    }
    report("dpoly", w, 1e-12);
  }
  if (CUfunction f = load(cubin(K, "async_copy", "sm_90").c_str(), "async_copy")) {
    const int blocks = 64, chunks = 8, per = 512;
    Rng r(8);
    Buf<float> in(blocks * chunks * per), out(blocks);
    for (auto& v : in.host) v = r.uniform(0, 1);
    in.up();
    int cc = chunks;
    launch(f, dim3(blocks), dim3(128), {&in.dev, &out.dev, &cc}, 2 * per * 4);
    out.down();
    double w = 0;
    for (int b = 0; b < blocks; ++b) {
      double t = 0;
      for (int i = 0; i < chunks * per; ++i) t += in.host[b * chunks * per + i];
      w = std::fmax(w, std::fabs(out.host[b] - t));
    }
    report("async_copy", w, 1e-2);
  }
  if (CUfunction f = load(cubin(K, "int_mix", "sm_90").c_str(), "int_mix")) {
    Rng r(9);
    Buf<unsigned> in(n), out(n);
    for (auto& v : in.host) v = unsigned(r.next() >> 33);
    in.up();
    int nn = n; unsigned dv = 7;
    launch(f, dim3(256), dim3(256), {&in.dev, &out.dev, &nn, &dv});
    out.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      unsigned v = in.host[i], h = v * 0x9e3779b9u;
      h ^= (h << 13) | (h >> 19);
      h = (h & 0x00ff00ffu) | (~h & v);
      // __byte_perm(v, h, 0x3715): result byte j = byte sel_j of the 8-byte {h, v}.
      uint64_t pool = (uint64_t(h) << 32) | v; unsigned perm = 0;
      for (int j = 0; j < 4; ++j) perm |= unsigned((pool >> (8 * ((0x3715 >> (4 * j)) & 7))) & 0xff) << (8 * j);
      h += perm;
      unsigned rev = 0;
      for (int b = 0; b < 32; ++b) rev |= ((v >> b) & 1u) << (31 - b);
      unsigned hv = h | 1u; int clz = 0;
      while (!(hv & 0x80000000u)) { hv <<= 1; ++clz; }
      unsigned bits = __builtin_popcount(v) + clz + (rev >> 27);
      int lo = std::min(int(v), int(h));
      unsigned hi = std::max(v, h);
      unsigned want = h + bits + unsigned(lo) + hi / dv + v % dv;
      w = std::fmax(w, out.host[i] == want ? 0.0 : 1.0);
    }
    report("int_mix", w, 0);
  }
  if (CUfunction f = load(cubin(K, "half2_axpy", "sm_90").c_str(), "half2_axpy")) {
    const int n2 = 32768;
    Rng r(10);
    Buf<__half> x(2 * n2), y(2 * n2);
    for (auto& v : x.host) v = __float2half(r.uniform(-1, 1));
    for (auto& v : y.host) v = __float2half(r.uniform(-1, 1));
    x.up(); y.up();
    std::vector<__half> y0 = y.host;
    float a = 1.5f; unsigned bias = 0xb8003c00u; int nn = n2;
    launch(f, dim3(128), dim3(256), {&a, &x.dev, &y.dev, &bias, &nn});
    y.down();
    double w = 0;
    for (int i = 0; i < 2 * n2; ++i) {
      double t = 1.5 * __half2float(x.host[i]) + __half2float(y0[i]) + (i % 2 ? -0.5 : 1.0);
      w = std::fmax(w, std::fabs(__half2float(y.host[i]) - t));
    }
    report("half2_axpy", w, 4e-3);
  }
  if (CUfunction f = load(cubin(K, "warp_collectives", "sm_90").c_str(), "warp_collectives")) {
    const int m = 8192;
    Rng r(11);
    Buf<unsigned> in(m), out(m / 32 * 6);
    for (auto& v : in.host) v = unsigned(r.next() % 2000);
    in.up();
    launch(f, dim3(32), dim3(256), {&in.dev, &out.dev});
    out.down();
    double w = 0;
    for (int wp = 0; wp < m / 32; ++wp) {
      const unsigned* v = &in.host[wp * 32];
      unsigned ballot = 0, any = 0, every = 1, sum = 0, mx = 0, x = 0, peers = 0;
      for (int l = 0; l < 32; ++l) {
        ballot |= (v[l] & 1u) << l; any |= v[l] > 1000u; every &= v[l] != 0u;
        sum += v[l]; mx = std::max(mx, v[l]); x ^= v[l];
        if (v[l] % 4 == v[0] % 4) peers++;
      }
      // The butterfly XOR over all 32 lanes leaves every lane with the XOR of the warp.
      unsigned want[6] = {ballot, any | (every << 1), peers, sum, mx, x};
      for (int k = 0; k < 6; ++k) if (out.host[wp * 6 + k] != want[k]) w = 1;
    }
    report("warp_collectives", w, 0);
  }
  if (CUfunction f = load(cubin(K, "bulk_copy", "sm_90").c_str(), "bulk_copy")) {
    Buf<float> in(n), out(n);
    for (int i = 0; i < n; ++i) in.host[i] = float(i);
    in.up();
    float scale = 3.0f;
    launch(f, dim3(64), dim3(256), {&in.dev, &out.dev, &scale});
    out.down();
    double w = 0;
    for (int i = 0; i < n; ++i) w = std::fmax(w, std::fabs(out.host[i] - 3.0f * i));
    report("bulk_copy", w, 0);
  }
  if (CUfunction f = load(cubin(K, "cluster_exchange", "sm_90").c_str(), "cluster_exchange")) {
    const int m = 16384;
    Buf<int> in(m), out(m);
    for (int i = 0; i < m; ++i) in.host[i] = i;
    in.up();
    launch(f, dim3(64), dim3(256), {&in.dev, &out.dev});
    out.down();
    double w = 0;
    for (int i = 0; i < m; ++i) {
      int blk = i / 256, t = i % 256, partner = blk ^ 1;
      int want = in.host[i] + in.host[partner * 256 + (t + 1) % 256];
      w = std::fmax(w, std::fabs(double(out.host[i] - want)));
    }
    report("cluster_exchange", w, 0);
  }

  // Microbenchmarks: print what they measure on this GPU.
  if (CUfunction f = load(cubin(M, "alu_latency", "sm_90").c_str(), "alu_latency")) {
    Buf<float> seeds(3), sink(32);
    seeds.host = {1.0f, 0.75f, 0.5f};
    seeds.up();
    Buf<unsigned> clocks(8, 0);
    launch(f, dim3(1), dim3(32), {&seeds.dev, &clocks.dev, &sink.dev});
    launch(f, dim3(1), dim3(32), {&seeds.dev, &clocks.dev, &sink.dev});  // warm instruction caches
    clocks.down();
    const char* names[8] = {"empty", "FADD", "FFMA", "IMAD", "LOP3+IADD3", "HFMA2", "DFMA", "MUFU.RSQ"};
    for (int i = 0; i < 8; ++i)
      std::printf("bench alu_latency %-11s %5u cycles / 32 = %.2f\n", names[i], clocks.host[i],
                  (clocks.host[i] - (i ? clocks.host[0] : 0)) / 32.0);
  }
  if (CUfunction f = load(cubin(M, "pointer_chase", "sm_90").c_str(), "pointer_chase")) {
    struct Case { const char* name; size_t count; size_t stride; bool random; int steps; };
    Case cases[3] = {{"l1", 4096, 64, false, 256}, {"l2", 262144, 128, true, 8192},
                     {"dram", 67108864, 4096, true, 4096}};
    for (const Case& c : cases) {
      Buf<unsigned> chain(c.count, 0);
      size_t hops = c.count * 4 / c.stride, step = c.stride / 4;
      std::vector<size_t> order(hops);
      for (size_t i = 0; i < hops; ++i) order[i] = i;
      Rng r(12);
      if (c.random)
        for (size_t i = hops - 1; i > 0; --i) std::swap(order[i], order[r.next() % (i + 1)]);
      for (size_t i = 0; i < hops; ++i) chain.host[order[i] * step] = unsigned(order[(i + 1) % hops] * step);
      chain.up();
      Buf<unsigned long long> clocks(1, 0);
      Buf<unsigned> sink(1, 0);
      int steps = c.steps;
      launch(f, dim3(1), dim3(1), {&chain.dev, &steps, &clocks.dev, &sink.dev});
      clocks.down();
      std::printf("bench pointer_chase.%-4s %.1f cycles per load\n", c.name, double(clocks.host[0]) / steps);
    }
  }
  if (CUfunction f = load(cubin(M, "shared_chase", "sm_90").c_str(), "shared_chase")) {
    Buf<unsigned> chain(4096), clocks(1), sink(1);
    for (int i = 0; i < 4096; ++i) chain.host[i] = (i * 1237 + 1) % 4096;  // one full cycle
    chain.up();
    int words = 4096, steps = 1024;
    launch(f, dim3(1), dim3(256), {&chain.dev, &words, &steps, &clocks.dev, &sink.dev});
    clocks.down();
    std::printf("bench shared_chase %.1f cycles per load\n", clocks.host[0] / 1024.0);
  }
  if (CUfunction f = load(cubin(M, "mem_issue", "sm_90").c_str(), "mem_issue")) {
    Buf<float> data(384, 1.0f), sink(128);
    for (int warps = 1; warps <= 4; ++warps) {
      Buf<unsigned> clocks(warps, 0);
      launch(f, dim3(1), dim3(32 * warps), {&data.dev, &clocks.dev, &sink.dev});
      clocks.down();
      std::printf("bench mem_issue.w%d", warps);
      for (int w = 0; w < warps; ++w) std::printf(" %u", clocks.host[w]);
      std::printf(" cycles for 12 loads\n");
    }
  }
  std::printf("%s: %d failure(s)\n", failures ? "FAILED" : "PASSED", failures);
  return failures ? 1 : 0;
}
