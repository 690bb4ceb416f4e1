// Emulator test beyond the corpus: escape-time Mandelbrot. A data-dependent loop with a break on
// every lane at a different trip, float multiply-adds and comparisons, and an int-to-float
// conversion of the pixel coordinates.
extern "C" __global__ void mandelbrot(unsigned short* __restrict__ iters, int w, int h, int max_iter) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= w || y >= h) return;
  float cr = -2.0f + 2.5f * x / w;
  float ci = -1.25f + 2.5f * y / h;
  float zr = 0.f, zi = 0.f;
  int i = 0;
  for (; i < max_iter; ++i) {
    float zr2 = zr * zr, zi2 = zi * zi;
    if (zr2 + zi2 > 4.0f) break;
    zi = 2.0f * zr * zi + ci;
    zr = zr2 - zi2 + cr;
  }
  iters[y * w + x] = (unsigned short)i;
}
