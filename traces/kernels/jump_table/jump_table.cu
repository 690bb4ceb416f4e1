// Indirect control flow: a dense switch and a PTX brx.idx jump table (BRX through a constant-bank
// table), calls through a function pointer chosen at run time (indirect CALL), and recursion.
__device__ __noinline__ int sq(int x) { return x * x; }
__device__ __noinline__ int tri(int x) { return x * (x + 1) / 2; }
__device__ __noinline__ int neg(int x) { return -x ^ 0x55; }
__device__ int (*kOps[3])(int) = {sq, tri, neg};

__device__ __noinline__ int fib(int k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }

extern "C" __global__ void jump_table(const int* __restrict__ in, int* __restrict__ out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  int v = in[i], r;
  switch (v & 15) {
    case 0: r = v + 11; break;
    case 1: r = v * 3; break;
    case 2: r = v ^ 0x1234; break;
    case 3: r = v >> 2; break;
    case 4: r = v - 99; break;
    case 5: r = ~v; break;
    case 6: r = v * v; break;
    case 7: r = v | 0x700; break;
    case 8: r = v & 0xff; break;
    case 9: r = v << 3; break;
    case 10: r = v + 1000; break;
    case 11: r = 7 - v; break;
    default: r = 0; break;
  }
  int (*op)(int) = kOps[(v >> 4) % 3 < 0 ? 0 : (v >> 4) % 3];
  int t;
  asm("{\n.reg .u32 k;\nts: .branchtargets L0, L1, L2, L3;\n"
      "rem.u32 k, %1, 4;\nbrx.idx k, ts;\n"
      "L0: add.s32 %0, %1, 5;\nbra.uni Ldone;\n"
      "L1: mul.lo.s32 %0, %1, 9;\nbra.uni Ldone;\n"
      "L2: xor.b32 %0, %1, 77;\nbra.uni Ldone;\n"
      "L3: shl.b32 %0, %1, 1;\n"
      "Ldone:\n}" : "=r"(t) : "r"(v));
  out[i] = r + t + op(v) + fib(v & 7);
}
