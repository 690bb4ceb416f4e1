package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.KernelLaunch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -key = value} lines at the top of a kernel trace, read up to the first line that
 * starts with {@code #}. Keys this reader does not know are kept verbatim in {@link
 * KernelLaunch#extraHeader()}.
 */
record KernelHeader(KernelLaunch launch, TracerFormat format) {

  static final String NAME = "kernel name";
  static final String ID = "kernel id";
  static final String GRID = "grid dim";
  static final String BLOCK = "block dim";
  static final String SHMEM = "shmem";
  static final String NREGS = "nregs";
  static final String BINARY_VERSION = "binary version";
  static final String STREAM = "cuda stream id";
  static final String SHMEM_BASE = "shmem base_addr";
  static final String LOCAL_BASE = "local mem base_addr";
  static final String NVBIT = "nvbit version";
  static final String TRACER_VERSION = "accelsim tracer version";
  static final String LINEINFO = "enable lineinfo";
  /** Written by sassim for traces that NVBit did not make, e.g. the emulator's. */
  static final String SASSIM_TRACER = "sassim tracer";

  /** CUDA's limit on threads per block; larger blocks mean a damaged header. */
  static final int MAX_THREADS_PER_BLOCK = 1024;

  private static final List<String> KNOWN =
      List.of(NAME, ID, GRID, BLOCK, SHMEM, NREGS, BINARY_VERSION, STREAM, SHMEM_BASE, LOCAL_BASE,
          NVBIT, TRACER_VERSION, LINEINFO, SASSIM_TRACER);

  private static final List<String> REQUIRED =
      List.of(NAME, GRID, BLOCK, BINARY_VERSION, TRACER_VERSION);

  /** Reads the header; the first {@code #} line is left for the body reader. */
  static KernelHeader read(LineReader in) throws InputException {
    String file = in.file();
    Map<String, String> values = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    List<String> extra = new ArrayList<>();
    while (in.next()) {
      if (in.isBlank()) {
        continue;
      }
      if (in.startsWith("#")) {
        in.pushBack();
        break;
      }
      String text = in.text();
      int eq = text.indexOf(" = ");
      if (!text.startsWith("-") || eq < 2) {
        throw new InputException(file, in.number(),
            "expected a header line '-key = value' or the '#' line that ends the header, got '"
                + in.shortText() + "'");
      }
      String key = text.substring(1, eq);
      if (!KNOWN.contains(key)) {
        extra.add(text);
        continue;
      }
      if (values.containsKey(key)) {
        throw new InputException(file, in.number(),
            "header key '" + key + "' repeats line " + lines.get(key));
      }
      values.put(key, text.substring(eq + 3).trim());
      lines.put(key, in.number());
    }
    for (String key : REQUIRED) {
      if (!values.containsKey(key)) {
        throw new InputException(file, Math.max(1, in.number()),
            "header has no '-" + key + " = ...' line");
      }
    }
    return new Fields(file, values, lines).build(extra);
  }

  /** Converts the collected values, each error naming the line it came from. */
  private record Fields(String file, Map<String, String> values, Map<String, Integer> lines) {

    KernelHeader build(List<String> extra) throws InputException {
      String version = values.get(TRACER_VERSION);
      TracerFormat format = TracerFormat.of(version);
      if (format == null) {
        throw fail(TRACER_VERSION,
            "unsupported Accel-Sim tracer version '" + version + "' (supported: 1.2, 3, 4, 5)");
      }
      String name = values.get(NAME);
      if (name.isEmpty()) {
        throw fail(NAME, "kernel name is empty");
      }
      Dim3 grid = dim(GRID, Integer.MAX_VALUE);
      Dim3 block = dim(BLOCK, MAX_THREADS_PER_BLOCK);
      if (block.volume() > MAX_THREADS_PER_BLOCK) {
        throw fail(BLOCK, "a block of " + block.volume() + " threads exceeds CUDA's "
            + MAX_THREADS_PER_BLOCK);
      }
      String tracer = values.containsKey(NVBIT) ? "nvbit " + values.get(NVBIT)
          : values.getOrDefault(SASSIM_TRACER, "");
      KernelLaunch launch = new KernelLaunch(
          name,
          (int) number(ID, 0, Integer.MAX_VALUE),
          grid,
          block,
          number(SHMEM, 0, Long.MAX_VALUE),
          (int) number(NREGS, 0, 255),
          (int) number(BINARY_VERSION, 1, 9999),
          streamId(),
          address(SHMEM_BASE),
          address(LOCAL_BASE),
          tracer,
          version,
          number(LINEINFO, 0, 1) == 1,
          extra);
      return new KernelHeader(launch, format);
    }

    private InputException fail(String key, String problem) {
      return new InputException(file, lines.getOrDefault(key, 0), problem);
    }

    /** A decimal value; 0 when the key is absent. */
    private long number(String key, long min, long max) throws InputException {
      String v = values.get(key);
      if (v == null) {
        return 0;
      }
      long n;
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw fail(key, "-" + key + " must be a decimal number, got '" + v + "'");
      }
      if (n < min || n > max) {
        throw fail(key, "-" + key + " must be in " + min + ".." + max + ", got " + n);
      }
      return n;
    }

    /** Printed unsigned ({@code %lu}) by later tracers and signed ({@code %d}) by 1.2. */
    private long streamId() throws InputException {
      String v = values.get(STREAM);
      if (v == null) {
        return 0;
      }
      try {
        return v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
      } catch (NumberFormatException e) {
        throw fail(STREAM, "-" + STREAM + " must be a decimal number, got '" + v + "'");
      }
    }

    private long address(String key) throws InputException {
      String v = values.get(key);
      if (v == null) {
        return 0;
      }
      if (!v.startsWith("0x") || v.length() < 3 || v.length() > 18) {
        throw fail(key, "-" + key + " must be 0x and 1 to 16 hex digits, got '" + v + "'");
      }
      try {
        return Long.parseUnsignedLong(v.substring(2), 16);
      } catch (NumberFormatException e) {
        throw fail(key, "-" + key + " is not hex: '" + v + "'");
      }
    }

    /** {@code (x,y,z)} with every component in 1..max. */
    private Dim3 dim(String key, int max) throws InputException {
      String v = values.get(key);
      String problem =
          "-" + key + " must look like (x,y,z) with positive integers, got '" + v + "'";
      if (!v.startsWith("(") || !v.endsWith(")")) {
        throw fail(key, problem);
      }
      String[] parts = v.substring(1, v.length() - 1).split(",", -1);
      if (parts.length != 3) {
        throw fail(key, problem);
      }
      int[] xyz = new int[3];
      for (int i = 0; i < 3; i++) {
        try {
          xyz[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
          throw fail(key, problem);
        }
        if (xyz[i] < 1 || xyz[i] > max) {
          throw fail(key, "-" + key + " component " + xyz[i] + " is outside 1.." + max);
        }
      }
      return new Dim3(xyz[0], xyz[1], xyz[2]);
    }
  }
}
