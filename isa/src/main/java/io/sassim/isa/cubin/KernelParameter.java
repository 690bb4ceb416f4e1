package io.sassim.isa.cubin;

/**
 * One kernel parameter from EIATTR_KPARAM_INFO.
 *
 * @param ordinal position in the kernel's parameter list, from 0
 * @param offset byte offset from the parameter base ({@link CubinKernel#paramBase()})
 * @param size bytes
 */
public record KernelParameter(int ordinal, int offset, int size) {}
