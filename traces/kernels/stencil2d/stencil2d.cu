// One Jacobi sweep of the 5-point Laplace stencil on a row-major w x h grid: interior points take
// the average of their four neighbours, boundary points are copied. The boundary test compiles to
// predicated code (ISETP chains, predicated loads); neighbour loads overlap between threads in L1.
extern "C" __global__ void stencil2d(const float* __restrict__ in, float* __restrict__ out, int w,
                                     int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= w || y >= h) return;
  int i = y * w + x;
  float c = in[i];
  bool interior = x > 0 && x < w - 1 && y > 0 && y < h - 1;
  float v = c;
  if (interior) v = 0.25f * (in[i - 1] + in[i + 1] + in[i - w] + in[i + w]);
  out[i] = v;
}
