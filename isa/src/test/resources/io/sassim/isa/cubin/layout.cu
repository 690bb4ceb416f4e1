// Test input for CubinReaderTest: a kernel whose parameter layout, shared memory, local memory
// and launch bounds are known, plus a second kernel, so the reader's output can be checked
// against the source. Built with the same pipeline as scripts/sass-toolchain.sh
// (nvcc 13 -ptx, .version rewritten to 8.4, ptxas 12.4).
struct S { float v[4]; };
__constant__ float table[64];

extern "C" __global__ void __launch_bounds__(256) layout(float *out, int n, double scale, char tag,
                                                         float4 v, S s) {
  __shared__ float tile[250];  // 1000 bytes of static shared memory
  volatile int stack[40];      // indexed with a runtime value, so it lives in local memory
  int t = threadIdx.x;
  tile[t % 250] = v.x * (float)scale + s.v[t & 3];
  stack[t % 40] = n + tag;
  __syncthreads();
  out[t] = tile[(t + 1) % 250] + (float)stack[(t * 7) % 40] + table[t & 63];
}

extern "C" __global__ void tiny(int *p) { p[threadIdx.x] = 1; }
