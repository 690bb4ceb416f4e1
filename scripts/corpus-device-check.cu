// Runs the committed sm_90 / sm_90a corpus cubins on a Hopper GPU and checks every workload's
// output against a CPU reference; prints the microbenchmarks' clock deltas.
//
//   nvcc -std=c++17 -o /tmp/corpus-check scripts/corpus-device-check.cu -lcuda && /tmp/corpus-check
//
// Run it from the repository root (cubin paths are relative). It loads the cubins exactly as
// committed (ptxas 12.4) through the driver API, so it also shows that they load under the
// machine's driver. Inputs come from a small generator here, not from the launch specs (this is a
// check of the kernels, not of the harness), but the newer checks keep each spec's sizes and
// geometry so the hardware runs what the simulator runs.
//
// Output: one `ok` / `FAIL` line per workload, `bench ...` lines for the microbenchmarks, and
// last `corpus-device-check: N passed, M failed` (workloads). The exit status is non-zero when a
// workload failed or a microbenchmark could not run. A missing cubin, a parameter list that does
// not match the cubin's (checked with cuFuncGetParamInfo before launching), or a CUDA error fails
// that kernel and the run goes on; after an error that leaves the context unusable (an illegal
// address, say) the remaining kernels are reported as not run, and a kernel still running after
// kTimeoutS seconds ends the program (a hung kernel cannot be cancelled).
#include <cuda.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <cuda_bf16.h>
#include <cuda_fp16.h>

static const double kTimeoutS = 20.0;

// ---- errors -------------------------------------------------------------------------------------

// Thrown by every failing driver call, a missing cubin or a bad parameter list; caught per kernel.
struct Failure {
  std::string msg;
  CUresult r = CUDA_SUCCESS;  // the driver's code, or CUDA_SUCCESS for failures found here
};

static std::string err_text(CUresult r) {
  const char *name = nullptr, *str = nullptr;
  cuGetErrorName(r, &name);
  cuGetErrorString(r, &str);
  return std::string(name ? name : "CUDA error") + " (" + std::to_string(int(r)) + "): " + (str ? str : "?");
}

static void cu_check(CUresult r, const char* call, int line) {
  if (r != CUDA_SUCCESS)
    throw Failure{std::string(call) + " at line " + std::to_string(line) + ": " + err_text(r), r};
}
#define CU(call) cu_check((call), #call, __LINE__)

// Errors after which the context cannot be used again (the process would have to start over).
static bool sticky(CUresult r) {
  switch (r) {
    case CUDA_ERROR_ILLEGAL_ADDRESS: case CUDA_ERROR_LAUNCH_FAILED: case CUDA_ERROR_LAUNCH_TIMEOUT:
    case CUDA_ERROR_HARDWARE_STACK_ERROR: case CUDA_ERROR_ILLEGAL_INSTRUCTION:
    case CUDA_ERROR_MISALIGNED_ADDRESS: case CUDA_ERROR_INVALID_ADDRESS_SPACE:
    case CUDA_ERROR_INVALID_PC: case CUDA_ERROR_ASSERT: case CUDA_ERROR_ECC_UNCORRECTABLE:
    case CUDA_ERROR_CONTEXT_IS_DESTROYED: case CUDA_ERROR_DEINITIALIZED:
      return true;
    default:
      return false;
  }
}

// ---- counters, so that every way of stopping still prints the summary line ----------------------

static int g_passed = 0, g_failed = 0;         // workloads
static int g_bench_ran = 0, g_bench_failed = 0;  // microbenchmarks
static int g_workloads_after_current = 0;       // workloads not yet started
static bool g_current_is_workload = false;
static const char* g_current = "";

static int finish() {
  std::printf("microbenchmarks: %d ran, %d failed\n", g_bench_ran, g_bench_failed);
  std::printf("corpus-device-check: %d passed, %d failed\n", g_passed, g_failed);
  std::fflush(stdout);
  return (g_failed > 0 || g_bench_failed > 0) ? 1 : 0;
}

// ---- inputs, buffers, kernels -------------------------------------------------------------------

// xorshift64*: reproducible inputs without the launch-spec generator.
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed * 2654435761u + 1) {}
  uint64_t next() { s ^= s >> 12; s ^= s << 25; s ^= s >> 27; return s * 2685821657736338717ull; }
  float uniform(float lo, float hi) { return lo + (hi - lo) * float(next() >> 40) / float(1 << 24); }
  double normal(double mean, double sd) {  // Box-Muller
    double u1 = (double(next() >> 11) + 1.0) * 0x1p-53, u2 = double(next() >> 11) * 0x1p-53;
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
};

template <class T>
struct Buf {
  std::vector<T> host;
  CUdeviceptr dev = 0;
  explicit Buf(size_t n, T fill = T()) : host(n, fill) {
    CU(cuMemAlloc(&dev, n * sizeof(T)));
    try { up(); } catch (...) { cuMemFree(dev); throw; }
  }
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  void up() { CU(cuMemcpyHtoD(dev, host.data(), host.size() * sizeof(T))); }
  void down() { CU(cuMemcpyDtoH(host.data(), dev, host.size() * sizeof(T))); }
  ~Buf() { cuMemFree(dev); }
};

// One kernel argument: a scalar lvalue (passed by value, sizeof its type) or a Buf (its address).
struct Arg {
  void* p;
  size_t size;
  template <class T> Arg(T& v) : p(&v), size(sizeof(T)) {}
  template <class T> Arg(Buf<T>& b) : p(&b.dev), size(sizeof(CUdeviceptr)) {}
};

struct Kernel {
  CUmodule mod = nullptr;
  CUfunction fn = nullptr;
  std::string name;
  Kernel() = default;
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;
  ~Kernel() { if (mod) cuModuleUnload(mod); }
};

static const char* K = "traces/kernels";
static const char* M = "validation/microbench";

// Loads DIR/FILE/FILE.ARCH.cubin and its function NAME (default FILE).
static void load(Kernel& k, const char* dir, const char* file, const char* arch, const char* name = nullptr) {
  std::string path = std::string(dir) + "/" + file + "/" + file + "." + arch + ".cubin";
  k.name = name ? name : file;
  if (FILE* fp = std::fopen(path.c_str(), "rb")) std::fclose(fp);
  else throw Failure{"missing cubin " + path + " (run from the repository root)"};
  CUresult r = cuModuleLoad(&k.mod, path.c_str());
  if (r != CUDA_SUCCESS) { k.mod = nullptr; throw Failure{"cannot load " + path + ": " + err_text(r), r}; }
  r = cuModuleGetFunction(&k.fn, k.mod, k.name.c_str());
  if (r != CUDA_SUCCESS) throw Failure{"no function " + k.name + " in " + path + ": " + err_text(r), r};
}

using ParamInfoFn = CUresult (*)(CUfunction, size_t, size_t*, size_t*);
static ParamInfoFn g_param_info = nullptr;  // cuFuncGetParamInfo (driver 12.4+), when present

// Compares the argument list with the cubin's parameter layout before anything is launched.
static void check_params(const Kernel& k, const std::vector<Arg>& args) {
  if (!g_param_info) return;
  for (size_t i = 0; i <= args.size(); ++i) {
    size_t off = 0, size = 0;
    CUresult r = g_param_info(k.fn, i, &off, &size);
    if (i == args.size()) {
      if (r == CUDA_SUCCESS)
        throw Failure{k.name + ": the cubin has more than the " + std::to_string(args.size()) + " parameters passed"};
      return;
    }
    if (r != CUDA_SUCCESS) {
      if (i == 0) {  // no layout at all: the query is not usable here; launch unchecked
        std::printf("note %-18s parameter layout not available (%s); launching unchecked\n", k.name.c_str(),
                    err_text(r).c_str());
        return;
      }
      throw Failure{k.name + ": the cubin has " + std::to_string(i) + " parameters, " +
                    std::to_string(args.size()) + " passed"};
    }
    if (size != args[i].size)
      throw Failure{k.name + ": parameter " + std::to_string(i) + " is " + std::to_string(size) +
                    " bytes in the cubin, " + std::to_string(args[i].size) + " passed"};
  }
}

static void launch(const Kernel& k, dim3 grid, dim3 block, std::vector<Arg> args, unsigned shmem = 0) {
  check_params(k, args);
  std::vector<void*> ptrs;
  for (Arg& a : args) ptrs.push_back(a.p);
  cu_check(cuLaunchKernel(k.fn, grid.x, grid.y, grid.z, block.x, block.y, block.z, shmem, nullptr,
                          ptrs.data(), nullptr), "cuLaunchKernel", __LINE__);
  // Poll instead of blocking, so that a kernel that never ends is reported rather than waited for.
  auto t0 = std::chrono::steady_clock::now();
  CUresult r;
  while ((r = cuStreamQuery(nullptr)) == CUDA_ERROR_NOT_READY) {
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() > kTimeoutS) {
      std::printf("FAIL %-18s kernel %s still running after %.0f s; stopping (it cannot be cancelled)\n",
                  g_current, k.name.c_str(), kTimeoutS);
      if (g_current_is_workload) g_failed++;
      else g_bench_failed++;
      if (g_workloads_after_current > 0)
        std::printf("stopped: %d workload(s) not run, counted as failed\n", g_workloads_after_current);
      g_failed += g_workloads_after_current;
      finish();
      std::_Exit(1);  // skip destructors: freeing memory would wait for the kernel
    }
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  cu_check(r, "kernel execution", __LINE__);
  cu_check(cuCtxSynchronize(), "cuCtxSynchronize after the kernel", __LINE__);
}

// ---- comparisons --------------------------------------------------------------------------------

// max() that keeps a NaN (std::fmax drops it, which would hide NaN outputs).
static double worse(double w, double e) { return (std::isnan(w) || std::isnan(e)) ? NAN : std::max(w, e); }

static bool report(const char* name, double worst, double tol, const char* what = "max error") {
  bool ok = worst <= tol;  // false for NaN
  std::printf("%s %-18s %s %.3g (tolerance %.3g)\n", ok ? "ok  " : "FAIL", name, what, worst, tol);
  return ok;
}

// Round a double to the nearest bf16 / half value (ties to even), once: the reference for
// conversions and for bf16x2/half2 FMAs, whose exact result the double holds.
static double round_sig(double x, int sig_bits, int min_exp) {
  if (x == 0 || !std::isfinite(x)) return x;
  int e;
  std::frexp(x, &e);                      // x = m * 2^e, 0.5 <= |m| < 1
  e = std::max(e, min_exp);               // below the normal range the ulp stops shrinking
  double ulp = std::ldexp(1.0, e - sig_bits);
  return std::nearbyint(x / ulp) * ulp;  // default rounding mode: to nearest, ties to even
}
static double to_bf16(double x) { return round_sig(x, 8, -125); }   // 8 significant bits
static double to_half(double x) {                                    // 11 significant bits
  double r = round_sig(x, 11, -13);
  return std::fabs(r) > 65504.0 ? std::copysign(INFINITY, x) : r;
}
static double bf16_value(__nv_bfloat16 b) { uint16_t u; std::memcpy(&u, &b, 2); uint32_t f = uint32_t(u) << 16; float v; std::memcpy(&v, &f, 4); return v; }

// ---- the checks ---------------------------------------------------------------------------------

struct Check {
  const char* name;
  std::function<bool()> run;  // workloads: true if the output matched
};

int main() {
  try {
    CU(cuInit(0));
    CUdevice dev;
    CU(cuDeviceGet(&dev, 0));
    char devname[128];
    CU(cuDeviceGetName(devname, sizeof devname, dev));
    int major = 0, minor = 0, driver = 0;
    CU(cuDeviceGetAttribute(&major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev));
    CU(cuDeviceGetAttribute(&minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev));
    CU(cuDriverGetVersion(&driver));
    CUcontext ctx;
    CU(cuDevicePrimaryCtxRetain(&ctx, dev));  // same call on CUDA 12 and 13
    CU(cuCtxSetCurrent(ctx));
    std::printf("device: %s (sm_%d%d), driver API %d.%d\n", devname, major, minor, driver / 1000, driver % 1000 / 10);
    if (major != 9 || minor != 0) std::printf("warning: the cubins are sm_90/sm_90a; this is sm_%d%d\n", major, minor);
    // Looked up at run time so that the program also builds against CUDA 11/12 headers and runs
    // under drivers without it.
    void* p = nullptr;
#if CUDA_VERSION >= 12000
    CUdriverProcAddressQueryResult found = CU_GET_PROC_ADDRESS_SYMBOL_NOT_FOUND;
    CUresult q = cuGetProcAddress("cuFuncGetParamInfo", &p, 12040, CU_GET_PROC_ADDRESS_DEFAULT, &found);
    if (found != CU_GET_PROC_ADDRESS_SUCCESS) p = nullptr;
#else
    CUresult q = cuGetProcAddress("cuFuncGetParamInfo", &p, 12040, CU_GET_PROC_ADDRESS_DEFAULT);
#endif
    if (q == CUDA_SUCCESS && p)
      g_param_info = reinterpret_cast<ParamInfoFn>(p);
    else
      std::printf("note: cuFuncGetParamInfo not available; parameter lists are not checked before launch\n");
  } catch (const Failure& f) {
    std::printf("FAIL setup: %s\n", f.msg.c_str());
    std::printf("corpus-device-check: 0 passed, %d failed\n", 1);
    return 1;
  }
  const int n = 65536;

  std::vector<Check> workloads;
  auto W = [&](const char* name, std::function<bool()> run) { workloads.push_back({name, std::move(run)}); };

  W("vecadd", [&] {
    Kernel f; load(f, K, "vecadd", "sm_90");
    Rng r(20);
    Buf<float> a(n), b(n), c(n);
    for (int i = 0; i < n; ++i) { a.host[i] = r.uniform(-1, 1); b.host[i] = float(i); }
    a.up(); b.up();
    int nn = n;
    launch(f, dim3(256), dim3(256), {a, b, c, nn});
    c.down();
    double w = 0;
    for (int i = 0; i < n; ++i) w = worse(w, c.host[i] == a.host[i] + b.host[i] ? 0 : 1);
    return report("vecadd", w, 0);  // one float add, same on both sides
  });
  W("saxpy", [&] {
    Kernel f; load(f, K, "saxpy", "sm_90");
    Rng r(1);
    Buf<float> x(n), y(n);
    for (int i = 0; i < n; ++i) { x.host[i] = r.uniform(-1, 1); y.host[i] = 0.5f * i; }
    x.up(); y.up();
    std::vector<float> y0 = y.host;
    float a = 2.5f; int nn = n;
    launch(f, dim3(256), dim3(256), {a, x, y, nn});
    y.down();
    double w = 0;
    for (int i = 0; i < n; ++i) w = worse(w, std::fabs(y.host[i] - (a * x.host[i] + y0[i])));
    return report("saxpy", w, 1e-3);
  });
  W("reduce_sum", [&] {
    Kernel f; load(f, K, "reduce_sum", "sm_90");
    const int m = 262144;
    Rng r(2);
    Buf<int> in(m), out(1, 0);
    long long want = 0;
    for (int i = 0; i < m; ++i) { in.host[i] = int(r.next() % 2000) - 1000; want += in.host[i]; }
    in.up();
    int mm = m;
    launch(f, dim3(128), dim3(256), {in, out, mm});
    out.down();
    return report("reduce_sum", std::fabs(double(out.host[0] - want)), 0);
  });
  W("sgemm_tiled", [&] {
    Kernel f; load(f, K, "sgemm_tiled", "sm_90");
    const int s = 256;
    Rng r(3);
    Buf<float> a(s * s), b(s * s), c(s * s);
    for (auto& v : a.host) v = r.uniform(-1, 1);
    for (auto& v : b.host) v = r.uniform(-1, 1);
    a.up(); b.up();
    int ss = s;
    launch(f, dim3(8, 8), dim3(16, 16), {a, b, c, ss});
    c.down();
    double w = 0;
    for (int i = 0; i < s; ++i)
      for (int j = 0; j < s; ++j) {
        double t = 0;
        for (int k = 0; k < s; ++k) t += double(a.host[i * s + k]) * b.host[k * s + j];
        w = worse(w, std::fabs(c.host[i * s + j] - t));
      }
    return report("sgemm_tiled", w, 1e-3);
  });
  // hgemm_mma and wgmma_tile share inputs: A m x k row-major, B as n columns of k, D row-major.
  auto gemm16 = [&](const char* name, const char* arch, dim3 grid, dim3 block) {
    Kernel f; load(f, K, name, arch);
    const int s = 128;
    Rng r(4);
    Buf<__half> a(s * s), b(s * s);
    Buf<float> d(s * s);
    for (auto& v : a.host) v = __float2half(r.uniform(-1, 1));
    for (auto& v : b.host) v = __float2half(r.uniform(-1, 1));
    a.up(); b.up();
    int ss = s;
    launch(f, grid, block, {a, b, d, ss, ss, ss});
    d.down();
    double w = 0;
    for (int i = 0; i < s; ++i)
      for (int j = 0; j < s; ++j) {
        double t = 0;
        for (int k = 0; k < s; ++k)
          t += double(__half2float(a.host[i * s + k])) * __half2float(b.host[j * s + k]);
        w = worse(w, std::fabs(d.host[i * s + j] - t));
      }
    return report(name, w, 1e-2);
  };
  W("hgemm_mma", [&] { return gemm16("hgemm_mma", "sm_90", dim3(4, 8), dim3(128)); });
  W("histogram", [&] {
    Kernel f; load(f, K, "histogram", "sm_90");
    const int m = 1 << 20;
    Rng r(5);
    Buf<unsigned char> data(m);
    Buf<unsigned> bins(256, 0);
    std::vector<unsigned> want(256, 0);
    for (auto& v : data.host) { v = (unsigned char)(r.next() >> 56); want[v]++; }
    data.up();
    int mm = m;
    launch(f, dim3(64), dim3(256), {data, bins, mm});
    bins.down();
    double w = 0;
    for (int i = 0; i < 256; ++i) w = worse(w, std::fabs(double(bins.host[i]) - want[i]));
    return report("histogram", w, 0);
  });
  W("collatz", [&] {
    Kernel f; load(f, K, "collatz", "sm_90");
    Buf<unsigned> start(n), steps(n);
    for (int i = 0; i < n; ++i) start.host[i] = i + 1;
    start.up();
    int nn = n; unsigned cap = 1000;
    launch(f, dim3(256), dim3(256), {start, steps, nn, cap});
    steps.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      unsigned long long v = i + 1; unsigned s = 0;
      while (v > 1 && s < cap) { v = (v & 1) ? 3 * v + 1 : v >> 1; ++s; }
      w = worse(w, std::fabs(double(steps.host[i]) - s));
    }
    return report("collatz", w, 0);
  });
  W("transpose", [&] {
    Kernel f; load(f, K, "transpose", "sm_90");
    const int rows = 512, cols = 256;
    Buf<float> in(rows * cols), out(rows * cols);
    for (int i = 0; i < rows * cols; ++i) in.host[i] = float(i);
    in.up();
    int rr = rows, cc = cols;
    launch(f, dim3(cols / 32, rows / 32), dim3(32, 8), {in, out, rr, cc});
    out.down();
    double w = 0;
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < cols; ++x) w = worse(w, std::fabs(out.host[x * rows + y] - in.host[y * cols + x]));
    return report("transpose", w, 0);
  });
  W("sfu_mix", [&] {
    Kernel f; load(f, K, "sfu_mix", "sm_90");
    Rng r(6);
    Buf<float> x(n), y(n), out(n);
    for (int i = 0; i < n; ++i) { x.host[i] = r.uniform(-4, 4); y.host[i] = r.uniform(0.5f, 4); }
    x.up(); y.up();
    int nn = n;
    launch(f, dim3(256), dim3(256), {x, y, out, nn});
    out.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      double a = x.host[i], b = y.host[i];
      double t = std::sin(a) * std::cos(b) + (std::exp2(a * 0.25) + std::log2(std::fabs(b) + 1)) /
                 std::sqrt(std::fabs(a) + 1) + a / b;
      w = worse(w, std::fabs(out.host[i] - t));
    }
    return report("sfu_mix", w, 1e-3);  // MUFU approximations: a few ulp of values up to ~10
  });
  W("dpoly", [&] {
    Kernel f; load(f, K, "dpoly", "sm_90");
    Rng r(7);
    Buf<double> x(n), coef(8), y(n);
    for (auto& v : x.host) v = r.uniform(-1, 1);
    for (auto& v : coef.host) v = r.uniform(-2, 2);
    x.up(); coef.up();
    int nn = n;
    launch(f, dim3(256), dim3(256), {x, coef, y, nn});
    y.down();
    double w = 0;
    for (int i = 0; i < n; ++i) {
      double v = x.host[i], acc = coef.host[7];
      for (int k = 6; k >= 0; --k) acc = std::fma(acc, v, coef.host[k]);
      w = worse(w, std::fabs(y.host[i] - (acc * v + (v + 1.0))));
    }
    return report("dpoly", w, 1e-12);
  });
  W("async_copy", [&] {
    Kernel f; load(f, K, "async_copy", "sm_90");
    const int blocks = 64, chunks = 8, per = 512;
    Rng r(8);
    Buf<float> in(blocks * chunks * per), out(blocks);
    for (auto& v : in.host) v = r.uniform(0, 1);
    in.up();
    int cc = chunks;
    launch(f, dim3(blocks), dim3(128), {in, out, cc}, 2 * per * 4);
    out.down();
    double w = 0;
    for (int b = 0; b < blocks; ++b) {
      double t = 0;
      for (int i = 0; i < chunks * per; ++i) t += in.host[b * chunks * per + i];
      w = worse(w, std::fabs(out.host[b] - t));
    }
    return report("async_copy", w, 1e-2);
  });
  W("int_mix", [&] {
    Kernel f; load(f, K, "int_mix", "sm_90");
    Rng r(9);
    Buf<unsigned> in(n), out(n);
    for (auto& v : in.host) v = unsigned(r.next() >> 33);
    in.up();
    int nn = n; unsigned dv = 7;
    launch(f, dim3(256), dim3(256), {in, out, nn, dv});
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
      w = worse(w, out.host[i] == want ? 0.0 : 1.0);
    }
    return report("int_mix", w, 0);
  });
  W("half2_axpy", [&] {
    Kernel f; load(f, K, "half2_axpy", "sm_90");
    const int n2 = 32768;
    Rng r(10);
    Buf<__half> x(2 * n2), y(2 * n2);
    for (auto& v : x.host) v = __float2half(r.uniform(-1, 1));
    for (auto& v : y.host) v = __float2half(r.uniform(-1, 1));
    x.up(); y.up();
    std::vector<__half> y0 = y.host;
    float a = 1.5f; unsigned bias = 0xb8003c00u; int nn = n2;
    launch(f, dim3(128), dim3(256), {a, x, y, bias, nn});
    y.down();
    double w = 0;
    for (int i = 0; i < 2 * n2; ++i) {
      double t = 1.5 * __half2float(x.host[i]) + __half2float(y0[i]) + (i % 2 ? -0.5 : 1.0);
      w = worse(w, std::fabs(__half2float(y.host[i]) - t));
    }
    return report("half2_axpy", w, 4e-3);
  });
  W("warp_collectives", [&] {
    Kernel f; load(f, K, "warp_collectives", "sm_90");
    const int m = 8192;
    Rng r(11);
    Buf<unsigned> in(m), out(m / 32 * 6);
    for (auto& v : in.host) v = unsigned(r.next() % 2000);
    in.up();
    launch(f, dim3(32), dim3(256), {in, out});
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
    return report("warp_collectives", w, 0);
  });
  W("wgmma_tile", [&] { return gemm16("wgmma_tile", "sm_90a", dim3(16, 2), dim3(128)); });
  W("bulk_copy", [&] {
    Kernel f; load(f, K, "bulk_copy", "sm_90");
    Buf<float> in(n), out(n);
    for (int i = 0; i < n; ++i) in.host[i] = float(i);
    in.up();
    float scale = 3.0f;
    launch(f, dim3(64), dim3(256), {in, out, scale});
    out.down();
    double w = 0;
    for (int i = 0; i < n; ++i) w = worse(w, std::fabs(out.host[i] - 3.0f * i));
    return report("bulk_copy", w, 0);
  });
  W("cluster_exchange", [&] {
    Kernel f; load(f, K, "cluster_exchange", "sm_90");
    const int m = 16384;
    Buf<int> in(m), out(m);
    for (int i = 0; i < m; ++i) in.host[i] = i;
    in.up();
    launch(f, dim3(64), dim3(256), {in, out});
    out.down();
    double w = 0;
    for (int i = 0; i < m; ++i) {
      int blk = i / 256, t = i % 256, partner = blk ^ 1;
      int want = in.host[i] + in.host[partner * 256 + (t + 1) % 256];
      w = worse(w, std::fabs(double(out.host[i] - want)));
    }
    return report("cluster_exchange", w, 0);
  });

  // ---- workloads added with the second corpus batch: sizes and geometry from their specs ------

  W("scan", [&] {  // scan.launch.yaml: 64 x 256 threads, 16384 ints in [-100, 100)
    Kernel f; load(f, K, "scan", "sm_90");
    const int m = 16384, blocks = 64;
    Rng r(31);
    Buf<int> in(m), out(m, 0), sums(blocks, 0);
    for (auto& v : in.host) v = int(r.next() % 200) - 100;
    in.up();
    int mm = m;
    launch(f, dim3(blocks), dim3(256), {in, out, sums, mm});
    out.down(); sums.down();
    int bad = 0;
    for (int b = 0; b < blocks; ++b) {
      int acc = 0;
      for (int t = 0; t < 256; ++t) { acc += in.host[b * 256 + t]; bad += out.host[b * 256 + t] != acc; }
      bad += sums.host[b] != acc;
    }
    return report("scan", bad, 0, "mismatches");  // integers: exact
  });
  W("transpose_naive", [&] {  // 256 x 256, grid 8 x 32 of 32 x 8
    Kernel f; load(f, K, "transpose_naive", "sm_90");
    const int s = 256;
    Rng r(32);
    Buf<float> in(s * s), out(s * s, -1.0f);
    for (auto& v : in.host) v = r.uniform(-1, 1);
    in.up();
    int ss = s;
    launch(f, dim3(8, 32), dim3(32, 8), {in, out, ss});
    out.down();
    int bad = 0;
    for (int y = 0; y < s; ++y)
      for (int x = 0; x < s; ++x) bad += out.host[x * s + y] != in.host[y * s + x];
    return report("transpose_naive", bad, 0, "mismatches");  // a copy: exact
  });
  // Dot products of length len in float: any summation order (with or without FMA) is within
  // len * 2^-24 * sum|terms| of the exact value, so errors are scaled by sum|terms| and held to that.
  W("sgemm_naive", [&] {  // 96 x 96, grid 3 x 24 of 32 x 4
    Kernel f; load(f, K, "sgemm_naive", "sm_90");
    const int s = 96;
    Rng r(41);
    Buf<float> a(s * s), b(s * s), c(s * s);
    for (auto& v : a.host) v = r.uniform(-1, 1);
    for (auto& v : b.host) v = r.uniform(-1, 1);
    a.up(); b.up();
    int ss = s;
    launch(f, dim3(3, 24), dim3(32, 4), {a, b, c, ss});
    c.down();
    double w = 0;
    for (int i = 0; i < s; ++i)
      for (int j = 0; j < s; ++j) {
        double t = 0, mag = 0;
        for (int k = 0; k < s; ++k) {
          double p = double(a.host[i * s + k]) * b.host[k * s + j];
          t += p; mag += std::fabs(p);
        }
        w = worse(w, std::fabs(c.host[i * s + j] - t) / std::max(mag, 1e-30));
      }
    return report("sgemm_naive", w, (s + 1) * 0x1p-24, "max error / sum|a*b|");
  });
  W("stencil2d", [&] {  // 128 x 128, grid 4 x 16 of 32 x 8
    Kernel f; load(f, K, "stencil2d", "sm_90");
    const int wd = 128, ht = 128;
    Rng r(51);
    Buf<float> in(wd * ht), out(wd * ht, -1.0f);
    for (auto& v : in.host) v = r.uniform(0, 1);
    in.up();
    int ww = wd, hh = ht;
    launch(f, dim3(4, 16), dim3(32, 8), {in, out, ww, hh});
    out.down();
    double w = 0;
    for (int y = 0; y < ht; ++y)
      for (int x = 0; x < wd; ++x) {
        int i = y * wd + x;
        float v = in.host[i];
        if (x > 0 && x < wd - 1 && y > 0 && y < ht - 1)
          v = 0.25f * (in.host[i - 1] + in.host[i + 1] + in.host[i - wd] + in.host[i + wd]);
        w = worse(w, std::fabs(double(out.host[i]) - v));
      }
    // The same float operations in the same order, so exact in practice; 1e-6 (8 ulp of the
    // values, all in [0, 1)) only absorbs a reassociated sum.
    return report("stencil2d", w, 1e-6);
  });
  auto spmv = [&](const char* name, int rows, int per_row, int grid, uint64_t seed) {
    Kernel f; load(f, K, "spmv_csr", "sm_90", name);
    const int cols = 4096, nnz = rows * per_row;
    Rng r(seed);
    Buf<int> row_ptr(rows + 1), col_idx(nnz);
    Buf<float> vals(nnz), x(cols), y(rows, NAN);
    for (int i = 0; i <= rows; ++i) row_ptr.host[i] = i * per_row;
    for (auto& v : col_idx.host) v = int(r.next() % cols);
    for (auto& v : vals.host) v = r.uniform(-1, 1);
    for (auto& v : x.host) v = r.uniform(-1, 1);
    row_ptr.up(); col_idx.up(); vals.up(); x.up(); y.up();
    int rr = rows;
    launch(f, dim3(grid), dim3(128), {row_ptr, col_idx, vals, x, y, rr});
    y.down();
    double w = 0;
    for (int i = 0; i < rows; ++i) {
      double t = 0, mag = 0;
      for (int k = i * per_row; k < (i + 1) * per_row; ++k) {
        double p = double(vals.host[k]) * x.host[col_idx.host[k]];
        t += p; mag += std::fabs(p);
      }
      w = worse(w, std::fabs(y.host[i] - t) / std::max(mag, 1e-30));
    }
    return report(name, w, (per_row + 1) * 0x1p-24, "max error / sum|v*x|");  // see sgemm_naive
  };
  // spmv_csr.launch.yaml: 4096 rows x 12 nonzeros, a thread per row (32 x 128 threads);
  // spmv_csr.warp.launch.yaml: 512 rows x 96 nonzeros, a warp per row (128 x 128 threads).
  W("spmv_csr", [&] { return spmv("spmv_csr", 4096, 12, 32, 61); });
  W("spmv_csr_warp", [&] { return spmv("spmv_csr_warp", 512, 96, 128, 64); });
  W("bfs_step", [&] {  // 8192 vertices of degree 8, frontier every 8th vertex, level 3; 8 x 128
    Kernel f; load(f, K, "bfs_step", "sm_90");
    const int verts = 8192, deg = 8, fsize = 1024;
    Rng r(71);
    Buf<int> row_ptr(verts + 1), col_idx(verts * deg), frontier(fsize), levels(verts, -1),
        next(verts, -1), count(1, 0);
    for (int i = 0; i <= verts; ++i) row_ptr.host[i] = i * deg;
    for (auto& v : col_idx.host) v = int(r.next() % verts);
    for (int i = 0; i < fsize; ++i) frontier.host[i] = 8 * i;
    row_ptr.up(); col_idx.up(); frontier.up();
    int fs = fsize, level = 3;
    launch(f, dim3(8), dim3(128), {row_ptr, col_idx, frontier, fs, levels, level, next, count});
    levels.down(); next.down(); count.down();
    // Every neighbour of the frontier is claimed exactly once (all start unvisited): it gets
    // level 4 and appears once in next_frontier[0, count), in any order.
    std::set<int> want;
    for (int v : frontier.host)
      for (int e = row_ptr.host[v]; e < row_ptr.host[v + 1]; ++e) want.insert(col_idx.host[e]);
    int bad = 0, got = count.host[0];
    for (int u = 0; u < verts; ++u) bad += levels.host[u] != (want.count(u) ? level + 1 : -1);
    if (got != int(want.size())) {
      std::printf("     bfs_step: next_count %d, expected %zu\n", got, want.size());
      bad++;
    }
    if (got >= 0 && got <= verts) {
      std::vector<int> claimed(next.host.begin(), next.host.begin() + got);
      std::sort(claimed.begin(), claimed.end());
      if (claimed != std::vector<int>(want.begin(), want.end())) bad++;
      for (int i = got; i < verts; ++i) bad += next.host[i] != -1;
    }
    return report("bfs_step", bad, 0, "mismatches");  // integer outputs: exact
  });
  W("softmax", [&] {  // 256 rows x 256 columns, a warp per row: 64 x 128 threads; inputs N(0, 2)
    Kernel f; load(f, K, "softmax", "sm_90");
    const int rows = 256, cols = 256;
    Rng r(81);
    Buf<float> in(rows * cols), out(rows * cols);
    for (auto& v : in.host) v = float(r.normal(0, 2));
    in.up();
    int rr = rows, cc = cols;
    launch(f, dim3(64), dim3(128), {in, out, rr, cc});
    out.down();
    double w = 0;
    for (int i = 0; i < rows; ++i) {
      const float* x = &in.host[i * cols];
      double m = *std::max_element(x, x + cols), s = 0;
      for (int c = 0; c < cols; ++c) s += std::exp(x[c] - m);
      for (int c = 0; c < cols; ++c) {
        double t = std::exp(x[c] - m) / s;
        w = worse(w, std::fabs(out.host[i * cols + c] - t) / t);
      }
    }
    // Relative error: expf is within 2 ulp, x - m rounds by at most 2^-24 * |x - m| (< 1.2e-6
    // for these inputs), the 256-term float sum is within 255 * 2^-24 = 1.5e-5 even summed in
    // sequence, and the division rounds once: 2e-5 covers the worst case.
    return report("softmax", w, 2e-5, "max relative error");
  });
  W("bitonic_sort", [&] {  // 4 blocks of 512 threads, 1024 keys each in [0, 1000000)
    Kernel f; load(f, K, "bitonic_sort", "sm_90");
    const int blocks = 4, per = 1024;
    Rng r(91);
    Buf<unsigned> keys(blocks * per);
    for (auto& v : keys.host) v = unsigned(r.next() % 1000000);
    keys.up();
    std::vector<unsigned> want = keys.host;
    for (int b = 0; b < blocks; ++b) std::sort(want.begin() + b * per, want.begin() + (b + 1) * per);
    launch(f, dim3(blocks), dim3(512), {keys});
    keys.down();
    int bad = 0;
    for (int i = 0; i < blocks * per; ++i) bad += keys.host[i] != want[i];
    return report("bitonic_sort", bad, 0, "mismatches");  // each block's keys sorted: exact
  });
  W("nbody_step", [&] {  // 512 bodies, 4 x 128 threads, 2048 B dynamic shared, dt 0.01
    Kernel f; load(f, K, "nbody_step", "sm_90");
    const int bodies = 512;
    Rng r(101);
    Buf<float> pos(4 * bodies), vel(4 * bodies, 0.0f), pos_out(4 * bodies, NAN);
    for (auto& v : pos.host) v = r.uniform(0, 1);  // x, y, z and mass uniform in [0, 1)
    pos.up();
    int nb = bodies; float dt = 0.01f;
    launch(f, dim3(4), dim3(128), {pos, vel, pos_out, nb, dt}, 128 * 16);
    vel.down(); pos_out.down();
    const double soft = double(1e-3f);
    double w = 0;
    int bad = 0;
    for (int i = 0; i < bodies; ++i) {
      const float* p = &pos.host[4 * i];
      double acc[3] = {0, 0, 0}, mag[3] = {0, 0, 0};
      for (int j = 0; j < bodies; ++j) {
        const float* q = &pos.host[4 * j];
        double d[3] = {double(q[0]) - p[0], double(q[1]) - p[1], double(q[2]) - p[2]};
        double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + soft;
        double s = q[3] / (r2 * std::sqrt(r2));
        for (int c = 0; c < 3; ++c) { acc[c] += d[c] * s; mag[c] += std::fabs(d[c] * s); }
      }
      for (int c = 0; c < 3; ++c) {
        // vel starts at 0, so vel = fl(a * dt); a is a 512-term float sum of terms that each
        // carry ~15 roundings (rsqrt ~2 ulp, cubed): error <= (512 + 20) * 2^-24 * sum|terms|.
        w = worse(w, std::fabs(vel.host[4 * i + c] - acc[c] * dt) / (std::max(mag[c], 1e-30) * dt));
        // pos_out = fmaf(vel, dt, pos) from the GPU's own vel: one rounding, so exact here.
        bad += pos_out.host[4 * i + c] != std::fmaf(vel.host[4 * i + c], dt, p[c]);
      }
      bad += pos_out.host[4 * i + 3] != p[3] || vel.host[4 * i + 3] != 0.0f;
    }
    if (bad) std::printf("     nbody_step: %d position/mass mismatches\n", bad);
    return report("nbody_step", bad ? NAN : w, 1e-4, "max vel error / sum|terms|");
  });
  W("int64_math", [&] {  // 2048 words, 16 x 128 threads, mult = MMIX LCG multiplier, 8 rounds
    Kernel f; load(f, K, "int64_math", "sm_90");
    const int m = 2048;
    Rng r(111);
    Buf<unsigned long long> in(m), out(m, 0);
    for (auto& v : in.host) v = r.next() % 9000000000000000000ull;
    in.up();
    int mm = m, rounds = 8;
    unsigned long long mult = 6364136223846793005ull;
    launch(f, dim3(16), dim3(128), {in, out, mm, mult, rounds});
    out.down();
    int bad = 0;
    for (int i = 0; i < m; ++i) {
      unsigned long long h = in.host[i];
      for (int k = 0; k < rounds; ++k) {
        h ^= h >> 29;
        h *= mult;
        h += (h << 17) | (h >> 47);
        unsigned long long num = (k & 1) ? h : h >> 32, d = (h >> 40) | 3ull;
        unsigned long long q = num / d;
        h = (h ^ q) + num % d;
      }
      bad += out.host[i] != h;
    }
    return report("int64_math", bad, 0, "mismatches");  // integers: exact
  });
  W("cas_loop", [&] {  // 4096 values in [-1, 1) into 8 bins, 32 x 128 threads
    Kernel f; load(f, K, "cas_loop", "sm_90");
    const int m = 4096, bins = 8;
    Rng r(121);
    Buf<float> in(m), maxima(bins, -2.0f), products(bins, 1.0f);
    for (auto& v : in.host) v = r.uniform(-1, 1);
    in.up();
    int mm = m, bb = bins;
    launch(f, dim3(32), dim3(128), {in, maxima, products, mm, bb});
    maxima.down(); products.down();
    double w = 0;
    int bad = 0;
    for (int b = 0; b < bins; ++b) {
      float mx = -2.0f;
      double prod = 1.0;
      for (int i = b; i < m; i += bins) { mx = std::max(mx, in.host[i]); prod *= 1.0 + double(in.host[i]) * double(1e-3f); }
      bad += maxima.host[b] != mx;  // a max is exact whatever the order
      w = worse(w, std::fabs(products.host[b] - prod) / prod);
    }
    if (bad) std::printf("     cas_loop: %d wrong maxima\n", bad);
    // 512 factors per bin, multiplied in whatever order the CAS loops win: each factor
    // (1 + v * 1e-3, FFMA or FMUL+FADD) and each product rounds once, so the relative error is
    // at most 2 * 512 * 2^-24 = 6.1e-5.
    return report("cas_loop", bad ? NAN : w, 1e-4, "max relative error (products)");
  });
  W("dyn_shared", [&] {  // 8192 floats, 32 x 256 threads, (256 + 8) * 4 B dynamic shared
    Kernel f; load(f, K, "dyn_shared", "sm_90");
    const int m = 8192, radius = 4;
    Rng r(131);
    Buf<float> in(m), out(m, NAN);
    for (auto& v : in.host) v = r.uniform(-1, 1);
    in.up();
    int mm = m;
    launch(f, dim3(32), dim3(256), {in, out, mm}, (256 + 2 * radius) * 4);
    out.down();
    double w = 0;
    for (int i = 0; i < m; ++i) {
      float acc = 0.f;  // the kernel's window: zeros outside [0, n), summed from i - 4 up
      for (int d = -radius; d <= radius; ++d) acc += (i + d >= 0 && i + d < m) ? in.host[i + d] : 0.f;
      float want = acc * (1.0f / (2 * radius + 1));
      w = worse(w, std::fabs(double(out.host[i]) - want));
    }
    // The same float sum in the same order: exact in practice; 1e-6 only absorbs a reassociation.
    return report("dyn_shared", w, 1e-6);
  });
  W("bf16_convert", [&] {  // 8192 float pairs in [-4, 4), 64 bf16 scale pairs in [0.5, 2); 64 x 128
    Kernel f; load(f, K, "bf16_convert", "sm_90");
    const int m = 8192;
    Rng r(141);
    Buf<float> in(2 * m), out_bf16(2 * m, NAN);
    Buf<__nv_bfloat16> scale(128);
    Buf<__half> out_half(2 * m);
    for (auto& v : in.host) v = r.uniform(-4, 4);
    for (auto& v : scale.host) v = __float2bfloat16_rn(r.uniform(0.5f, 2));
    in.up(); scale.up();
    int mm = m;
    launch(f, dim3(64), dim3(128), {in, scale, out_bf16, out_half, mm});
    out_bf16.down(); out_half.down();
    // HFMA2.BF16 and HFMA2 round the exact a*b+c once; a double holds that exactly here, so the
    // reference rounds it once too and both outputs must match bit for bit. The half stage is
    // checked from the GPU's own bf16 results, so one difference is not counted twice.
    int bad = 0;
    for (int i = 0; i < m; ++i) {
      const double bias[2] = {0.5, -0.5};
      for (int c = 0; c < 2; ++c) {
        double fl = in.host[2 * i + c], s = bf16_value(scale.host[2 * (i % 64) + c]);
        double b = to_bf16(fl);
        b = to_bf16(b * s + bias[c]);
        b = to_bf16(b * b + s);
        bad += double(out_bf16.host[2 * i + c]) != b;
      }
      float rx = out_bf16.host[2 * i], ry = out_bf16.host[2 * i + 1];
      double lo = to_half(double(rx + in.host[2 * i])), hi = to_half(double(ry - in.host[2 * i + 1]));
      double want[2] = {to_half(lo * 0.25 + lo), to_half(hi * 0.25 + lo)};
      for (int c = 0; c < 2; ++c) bad += double(__half2float(out_half.host[2 * i + c])) != want[c];
    }
    return report("bf16_convert", bad, 0, "mismatches");
  });

  // ---- microbenchmarks: print what they measure on this GPU -------------------------------------

  std::vector<Check> benches;
  auto B = [&](const char* name, std::function<void()> run) {
    benches.push_back({name, [run] { run(); return true; }});
  };
  B("alu_latency", [&] {
    Kernel f; load(f, M, "alu_latency", "sm_90");
    Buf<float> seeds(3), sink(32);
    seeds.host = {1.0f, 0.75f, 0.5f};
    seeds.up();
    Buf<unsigned> clocks(8, 0);
    launch(f, dim3(1), dim3(32), {seeds, clocks, sink});
    launch(f, dim3(1), dim3(32), {seeds, clocks, sink});  // warm instruction caches
    clocks.down();
    const char* names[8] = {"empty", "FADD", "FFMA", "IMAD", "LOP3+IADD3", "HFMA2", "DFMA", "MUFU.RSQ"};
    for (int i = 0; i < 8; ++i)
      std::printf("bench alu_latency %-11s %5u cycles / 32 = %.2f\n", names[i], clocks.host[i],
                  (clocks.host[i] - (i ? clocks.host[0] : 0)) / 32.0);
  });
  B("tensor_latency", [&] {
    Kernel f; load(f, M, "tensor_latency", "sm_90");
    Buf<unsigned> seeds(6, 0x3c003c00u), clocks(6, 0);
    Buf<float> sink(32);
    seeds.up();
    launch(f, dim3(1), dim3(32), {seeds, clocks, sink});
    launch(f, dim3(1), dim3(32), {seeds, clocks, sink});  // warm instruction caches
    clocks.down();
    const char* names[6] = {"empty", "HMMA.16816.F32", "HMMA.16816.F16", "HMMA.1688.F32.TF32",
                            "IMMA.16832.S8.S8", "DMMA.8x8x4"};
    for (int i = 0; i < 6; ++i)
      std::printf("bench tensor_latency %-18s %5u cycles / 32 = %.2f\n", names[i], clocks.host[i],
                  (clocks.host[i] - (i ? clocks.host[0] : 0)) / 32.0);
  });
  B("pointer_chase", [&] {
    Kernel f; load(f, M, "pointer_chase", "sm_90");
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
      launch(f, dim3(1), dim3(1), {chain, steps, clocks, sink});
      clocks.down();
      std::printf("bench pointer_chase.%-4s %.1f cycles per load\n", c.name, double(clocks.host[0]) / steps);
    }
  });
  B("pointer_chase64", [&] {
    // As pointer_chase, but the chain holds device addresses: one dependent LDG.E.64 per hop.
    Kernel f; load(f, M, "pointer_chase64", "sm_90");
    struct Case { const char* name; size_t count; size_t stride; bool random; int steps; };
    Case cases[3] = {{"l1", 2048, 64, false, 256}, {"l2", 131072, 128, true, 8192},
                     {"dram", 33554432, 4096, true, 4096}};
    for (const Case& c : cases) {
      Buf<unsigned long long> chain(c.count, 0);
      size_t hops = c.count * 8 / c.stride, step = c.stride / 8;
      std::vector<size_t> order(hops);
      for (size_t i = 0; i < hops; ++i) order[i] = i;
      Rng r(12);
      if (c.random)
        for (size_t i = hops - 1; i > 0; --i) std::swap(order[i], order[r.next() % (i + 1)]);
      for (size_t i = 0; i < hops; ++i)
        chain.host[order[i] * step] = chain.dev + order[(i + 1) % hops] * step * 8;
      chain.up();
      Buf<unsigned long long> clocks(1, 0), sink(1, 0);
      int steps = c.steps;
      launch(f, dim3(1), dim3(1), {chain, steps, clocks, sink});
      clocks.down();
      sink.down();
      bool inside = sink.host[0] >= chain.dev && sink.host[0] < chain.dev + c.count * 8;
      std::printf("bench pointer_chase64.%-4s %.1f cycles per load%s\n", c.name,
                  double(clocks.host[0]) / steps, inside ? "" : " (FAIL: the chase left the chain)");
      if (!inside) throw Failure{"pointer_chase64 left its chain"};
    }
  });
  B("shared_chase", [&] {
    Kernel f; load(f, M, "shared_chase", "sm_90");
    Buf<unsigned> chain(4096), clocks(1), sink(1);
    for (int i = 0; i < 4096; ++i) chain.host[i] = (i * 1237 + 1) % 4096;  // one full cycle
    chain.up();
    int words = 4096, steps = 1024;
    launch(f, dim3(1), dim3(256), {chain, words, steps, clocks, sink});
    clocks.down();
    std::printf("bench shared_chase %.1f cycles per load\n", clocks.host[0] / 1024.0);
  });
  B("mem_issue", [&] {
    Kernel f; load(f, M, "mem_issue", "sm_90");
    Buf<float> data(384, 1.0f), sink(128);
    for (int warps = 1; warps <= 4; ++warps) {
      Buf<unsigned> clocks(warps, 0);
      launch(f, dim3(1), dim3(32 * warps), {data, clocks, sink});
      clocks.down();
      std::printf("bench mem_issue.w%d", warps);
      for (int w = 0; w < warps; ++w) std::printf(" %u", clocks.host[w]);
      std::printf(" cycles for 12 loads\n");
    }
  });
  // The newer microbenchmarks run their spec's launch twice: "run 1" is the first launch after the
  // module load (what a simulation of the spec starts from), "run 2" the same with warm caches.
  B("clock_rate", [&] {  // one thread, 2 ms spin: clocks = {cycles, ns}
    Kernel f; load(f, M, "clock_rate", "sm_90");
    for (int run = 1; run <= 2; ++run) {
      Buf<unsigned long long> clocks(2, 0);
      long long spin_ns = 2000000;
      launch(f, dim3(1), dim3(1), {clocks, spin_ns});
      clocks.down();
      unsigned long long cyc = clocks.host[0], ns = clocks.host[1];
      std::printf("bench clock_rate run %d: %llu cycles in %llu ns = %.1f MHz\n", run, cyc, ns,
                  ns ? double(cyc) * 1000.0 / double(ns) : 0.0);
    }
  });
  B("rf_bank_conflict", [&] {  // one warp; clocks[v] = 64 FFMAs of case v, inside a one-trip loop
    Kernel f; load(f, M, "rf_bank_conflict", "sm_90");
    Rng r(151);
    Buf<float> seeds(768), quads(1024), sink(32);
    for (auto& v : seeds.host) v = r.uniform(0.5f, 1);
    for (auto& v : quads.host) v = r.uniform(0.5f, 1);
    seeds.up(); quads.up();
    int reps = 1;
    unsigned c[2][8];
    for (int run = 0; run < 2; ++run) {
      Buf<unsigned> clocks(8, 0);
      launch(f, dim3(1), dim3(32), {seeds, quads, reps, clocks, sink});
      clocks.down();
      std::copy(clocks.host.begin(), clocks.host.end(), c[run]);
    }
    const char* names[8] = {"0 dep3", "1 dep1", "2 ind3", "3 indrep", "4 indshr", "5 indalt", "6 even3", "7 mixed"};
    for (int v = 0; v < 8; ++v)
      std::printf("bench rf_bank_conflict %-9s run 1 %5u, run 2 %5u cycles; run 2 / 64 FFMA = %.2f\n",
                  names[v], c[0][v], c[1][v], c[1][v] / 64.0);
  });
  B("stall_yield", [&] {  // per active warp: FFMA x128, add x128, 64+64 alternating, start offset
    Kernel f; load(f, M, "stall_yield", "sm_90");
    struct Variant { const char* name; int block, stride, active; };
    const Variant vs[4] = {{"w1", 32, 4, 1}, {"w2", 160, 4, 2}, {"w4", 416, 4, 4}, {"w4s", 128, 1, 4}};
    Rng r(161);
    Buf<float> seeds(10);
    for (auto& v : seeds.host) v = r.uniform(0.5f, 1);
    seeds.up();
    for (const Variant& v : vs) {
      for (int run = 1; run <= 2; ++run) {
        Buf<unsigned> clocks(4 * v.active, 0);
        Buf<float> sink(v.block);
        int stride = v.stride;
        launch(f, dim3(1), dim3(v.block), {seeds, stride, clocks, sink});
        clocks.down();
        for (int a = 0; a < v.active; ++a) {
          const unsigned* k = &clocks.host[4 * a];
          std::printf("bench stall_yield.%-3s run %d warp %2d: ffma128 %5u  add128 %5u  ffma+add 64+64 %5u"
                      "  start +%u cycles\n", v.name, run, a * v.stride, k[0], k[1], k[2], k[3]);
        }
      }
    }
  });
  B("smem_bank_conflict", [&] {  // one warp; clocks[c] = 16 dependent LDS per case
    Kernel f; load(f, M, "smem_bank_conflict", "sm_90");
    unsigned c[2][7];
    for (int run = 0; run < 2; ++run) {
      Buf<unsigned> clocks(7, 0), sink(32, 0);
      launch(f, dim3(1), dim3(32), {clocks, sink});
      clocks.down();
      std::copy(clocks.host.begin(), clocks.host.end(), c[run]);
    }
    const char* names[7] = {"stride 1 (1-way)", "stride 2 (2-way)", "stride 4 (4-way)", "stride 8 (8-way)",
                            "stride 16 (16-way)", "stride 32 (32-way)", "broadcast"};
    for (int k = 0; k < 7; ++k)  // a delta is 15 load-to-use times plus one issue
      std::printf("bench smem_bank_conflict %-18s run 1 %5u, run 2 %5u cycles for 16 LDS; run 2 / 15 = %.1f\n",
                  names[k], c[0][k], c[1][k], c[1][k] / 15.0);
  });
  B("straight_line", [&] {  // one warp, 3072 instructions timed twice in one launch
    Kernel f; load(f, M, "straight_line", "sm_90");
    Rng r(171);
    Buf<float> seeds(18), sink(32);
    for (auto& v : seeds.host) v = r.uniform(0.5f, 1);
    seeds.up();
    for (int run = 1; run <= 2; ++run) {
      Buf<unsigned> clocks(2, 0);
      launch(f, dim3(1), dim3(32), {seeds, clocks, sink});
      clocks.down();
      std::printf("bench straight_line run %d: cold pass %u cycles (%.2f per instruction), warm pass %u (%.2f)\n",
                  run, clocks.host[0], clocks.host[0] / 3072.0, clocks.host[1], clocks.host[1] / 3072.0);
    }
  });

  // ---- run everything -----------------------------------------------------------------------------

  bool lost = false;  // the context is unusable: report the rest as not run
  auto run_all = [&](std::vector<Check>& list, bool workload) {
    for (size_t i = 0; i < list.size(); ++i) {
      g_current = list[i].name;
      g_current_is_workload = workload;
      g_workloads_after_current = workload ? int(list.size() - i - 1) : 0;
      bool ok = false;
      if (lost) {
        std::printf("FAIL %-18s not run: the CUDA context was lost earlier\n", list[i].name);
      } else {
        try {
          ok = list[i].run();
        } catch (const Failure& f) {
          std::printf("FAIL %-18s %s\n", list[i].name, f.msg.c_str());
          CUresult probe = f.r == CUDA_SUCCESS ? CUDA_SUCCESS : cuCtxSynchronize();
          if (sticky(f.r) || probe != CUDA_SUCCESS) {
            lost = true;
            std::printf("stopping: the CUDA context is unusable after this error (%s); the remaining "
                        "kernels are not run. Rerun the program to check them.\n",
                        err_text(probe != CUDA_SUCCESS ? probe : f.r).c_str());
          }
        }
      }
      std::fflush(stdout);
      if (workload) (ok ? g_passed : g_failed)++;
      else { g_bench_ran += ok; g_bench_failed += !ok; }
    }
  };
  run_all(workloads, true);
  run_all(benches, false);
  return finish();
}
