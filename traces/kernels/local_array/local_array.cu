// A per-thread array indexed by data (local memory: LDL/STL of 32 and 64 bits), a small
// insertion sort over it, and a __noinline__ helper that takes the array by pointer, which
// turns the local address into a generic one.
__device__ __noinline__ int pick(const int* arr, int k) { return arr[k & 15] * 3; }

extern "C" __global__ void local_array(const int* __restrict__ in, int* __restrict__ out,
                                       long long* __restrict__ sums, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  int arr[16];
  long long wide[8];
  for (int j = 0; j < 16; ++j) arr[j] = in[(i * 16 + j) % n];
  for (int j = 1; j < 16; ++j) {
    int key = arr[j], k = j - 1;
    while (k >= 0 && arr[k] > key) {
      arr[k + 1] = arr[k];
      --k;
    }
    arr[k + 1] = key;
  }
  for (int j = 0; j < 8; ++j) wide[(j * 3 + i) & 7] = static_cast<long long>(arr[j]) * arr[15 - j];
  int idx = in[i] & 15;
  out[i] = arr[idx] + pick(arr, in[(i + 1) % n]);
  sums[i] = wide[idx & 7] + wide[(idx + 1) & 7];
}
