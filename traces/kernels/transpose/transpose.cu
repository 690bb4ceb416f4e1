// Out-of-place transpose of a rows x cols row-major f32 matrix through a 32x33 shared tile; the
// padding column keeps the column-wise shared reads free of bank conflicts. Blocks are 32x8.
constexpr int kTile = 32;
constexpr int kRows = 8;

extern "C" __global__ void transpose(const float* __restrict__ in, float* __restrict__ out, int rows,
                                     int cols) {
  __shared__ float tile[kTile][kTile + 1];
  int x = blockIdx.x * kTile + threadIdx.x;
  int y = blockIdx.y * kTile + threadIdx.y;
  for (int j = 0; j < kTile; j += kRows) {
    if (x < cols && y + j < rows) tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * cols + x];
  }
  __syncthreads();
  x = blockIdx.y * kTile + threadIdx.x;
  y = blockIdx.x * kTile + threadIdx.y;
  for (int j = 0; j < kTile; j += kRows) {
    if (x < rows && y + j < cols) out[(y + j) * rows + x] = tile[threadIdx.x][threadIdx.y + j];
  }
}
