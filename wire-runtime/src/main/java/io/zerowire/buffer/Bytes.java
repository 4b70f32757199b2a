package io.zerowire.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Unchecked-by-design reads and writes of multi-byte integers in a {@code byte[]}, in either byte
 * order. Generated views call these after validating the header length once, so every access here
 * is in bounds; the JVM's own array bounds checks remain as the last line of defence.
 *
 * <p>Unsigned values widen: a 16-bit read returns an {@code int} in 0..65535, a 32-bit read a
 * {@code long} in 0..2<sup>32</sup>-1 (or the raw {@code int} from the {@code int} variants).
 */
public final class Bytes {
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {}

    /** The unsigned byte at {@code index}. */
    public static int u8(byte[] a, int index) {
        return a[index] & 0xFF;
    }

    /** Writes the low 8 bits of {@code value}. */
    public static void putU8(byte[] a, int index, int value) {
        a[index] = (byte) value;
    }

    /** The big-endian unsigned 16-bit value at {@code index}. */
    public static int u16(byte[] a, int index) {
        return (short) SHORT_BE.get(a, index) & 0xFFFF;
    }

    /** The little-endian unsigned 16-bit value at {@code index}. */
    public static int u16le(byte[] a, int index) {
        return (short) SHORT_LE.get(a, index) & 0xFFFF;
    }

    /** Writes the low 16 bits of {@code value} big-endian. */
    public static void putU16(byte[] a, int index, int value) {
        SHORT_BE.set(a, index, (short) value);
    }

    /** Writes the low 16 bits of {@code value} little-endian. */
    public static void putU16le(byte[] a, int index, int value) {
        SHORT_LE.set(a, index, (short) value);
    }

    /** The big-endian 32 bits at {@code index}, as a (possibly negative) {@code int}. */
    public static int i32(byte[] a, int index) {
        return (int) INT_BE.get(a, index);
    }

    /** The little-endian 32 bits at {@code index}, as a (possibly negative) {@code int}. */
    public static int i32le(byte[] a, int index) {
        return (int) INT_LE.get(a, index);
    }

    /** The big-endian unsigned 32-bit value at {@code index}. */
    public static long u32(byte[] a, int index) {
        return i32(a, index) & 0xFFFF_FFFFL;
    }

    /** The little-endian unsigned 32-bit value at {@code index}. */
    public static long u32le(byte[] a, int index) {
        return i32le(a, index) & 0xFFFF_FFFFL;
    }

    /** Writes the low 32 bits of {@code value} big-endian. */
    public static void putI32(byte[] a, int index, int value) {
        INT_BE.set(a, index, value);
    }

    /** Writes the low 32 bits of {@code value} little-endian. */
    public static void putI32le(byte[] a, int index, int value) {
        INT_LE.set(a, index, value);
    }

    /** The big-endian 64 bits at {@code index}. */
    public static long i64(byte[] a, int index) {
        return (long) LONG_BE.get(a, index);
    }

    /** The little-endian 64 bits at {@code index}. */
    public static long i64le(byte[] a, int index) {
        return (long) LONG_LE.get(a, index);
    }

    /** Writes {@code value} big-endian. */
    public static void putI64(byte[] a, int index, long value) {
        LONG_BE.set(a, index, value);
    }

    /** Writes {@code value} little-endian. */
    public static void putI64le(byte[] a, int index, long value) {
        LONG_LE.set(a, index, value);
    }

    /**
     * Reads {@code length} (1..8) bytes at {@code index} as a big-endian unsigned number; used for
     * bit fields whose window is not a power-of-two number of bytes.
     */
    public static long readBigEndian(byte[] a, int index, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (a[index + i] & 0xFF);
        }
        return value;
    }

    /** Reads {@code length} (1..8) bytes at {@code index} as a little-endian unsigned number. */
    public static long readLittleEndian(byte[] a, int index, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (a[index + i] & 0xFF);
        }
        return value;
    }

    /** Writes the low {@code length * 8} bits of {@code value} big-endian. */
    public static void writeBigEndian(byte[] a, int index, int length, long value) {
        for (int i = length - 1; i >= 0; i--) {
            a[index + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** Writes the low {@code length * 8} bits of {@code value} little-endian. */
    public static void writeLittleEndian(byte[] a, int index, int length, long value) {
        for (int i = 0; i < length; i++) {
            a[index + i] = (byte) value;
            value >>>= 8;
        }
    }
}
