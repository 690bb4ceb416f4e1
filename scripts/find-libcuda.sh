# Sourced by the device scripts (device-capture.sh, device-profile.sh): JCuda's native library
# needs libcuda.so.1, and some container images keep it off the loader path. Adds the first
# folder that holds it to LD_LIBRARY_PATH and says so.
find_libcuda() {
  ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1' && return 0
  local d
  for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib /usr/lib/x86_64-linux-gnu \
           /usr/lib64 /usr/local/cuda/compat; do
    if [ -e "$d/libcuda.so.1" ]; then
      export LD_LIBRARY_PATH="$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
      echo "libcuda.so.1 found in $d (added to LD_LIBRARY_PATH)"
      return 0
    fi
  done
}
