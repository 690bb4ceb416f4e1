// One all-pairs gravity step for n bodies (float4 = x, y, z, mass): bodies are staged through
// shared memory in tiles of blockDim.x, and each interaction is FFMA-heavy around one rsqrtf
// (MUFU.RSQ). The softening term keeps the self-interaction finite. n must be a multiple of the block.
constexpr float kSoftening2 = 1e-3f;

extern "C" __global__ void nbody_step(const float4* __restrict__ pos, float4* __restrict__ vel,
                                      float4* __restrict__ pos_out, int n, float dt) {
  extern __shared__ float4 tile[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 p = pos[i];
  float ax = 0.f, ay = 0.f, az = 0.f;
  for (int t0 = 0; t0 < n; t0 += blockDim.x) {
    tile[threadIdx.x] = pos[t0 + threadIdx.x];
    __syncthreads();
#pragma unroll 8
    for (int j = 0; j < blockDim.x; ++j) {
      float4 q = tile[j];
      float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
      float r2 = fmaf(dx, dx, fmaf(dy, dy, fmaf(dz, dz, kSoftening2)));
      float inv = rsqrtf(r2);
      float s = q.w * inv * inv * inv;
      ax = fmaf(dx, s, ax);
      ay = fmaf(dy, s, ay);
      az = fmaf(dz, s, az);
    }
    __syncthreads();
  }
  float4 v = vel[i];
  v.x = fmaf(ax, dt, v.x);
  v.y = fmaf(ay, dt, v.y);
  v.z = fmaf(az, dt, v.z);
  vel[i] = v;
  pos_out[i] = make_float4(fmaf(v.x, dt, p.x), fmaf(v.y, dt, p.y), fmaf(v.z, dt, p.z), p.w);
}
