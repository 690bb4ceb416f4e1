// Emulator test beyond the corpus: counts words (runs of non-space bytes) in a text, one thread
// per byte. Byte loads, a shared counter per block behind __syncthreads, a 64-bit global atomic,
// atomicMax on the longest word seen, and an early exit for threads past the end.
extern "C" __global__ void word_count(const unsigned char* __restrict__ text, int n,
                                      unsigned long long* __restrict__ words,
                                      int* __restrict__ longest) {
  __shared__ unsigned block_words;
  if (threadIdx.x == 0) block_words = 0;
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    bool space = text[i] % 4 == 0;
    bool start = !space && (i == 0 || text[i - 1] % 4 == 0);
    if (start) {
      atomicAdd(&block_words, 1u);
      int len = 0;
      while (i + len < n && text[i + len] % 4 != 0) ++len;
      atomicMax(longest, len);
    }
  }
  __syncthreads();
  if (threadIdx.x == 0) atomicAdd(words, (unsigned long long)block_words);
}
