package io.zerowire.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The practical limit for parsing IPv4 in Java: a hand-written flyweight over {@code byte[]} with
 * {@code VarHandle} reads, doing exactly the checks the generated view does (length, version,
 * IHL, total length, option list walk, optional checksum). The benchmark's baseline.
 */
final class HandIpv4View {
    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] a;
    private int o;
    private int headerLength;

    /** Returns false where the generated view would throw. */
    boolean wrap(byte[] array, int offset, int length, boolean verifyChecksum) {
        if (length < 20) {
            return false;
        }
        int first = array[offset] & 0xFF;
        if (first >>> 4 != 4) {
            return false;
        }
        int hl = (first & 0xF) * 4;
        if (hl < 20 || hl > length) {
            return false;
        }
        int total = (short) U16.get(array, offset + 2) & 0xFFFF;
        if (total < hl || total > length) {
            return false;
        }
        if (!optionsValid(array, offset + 20, offset + hl)) {
            return false;
        }
        if (verifyChecksum && checksum(array, offset, hl) != 0xFFFF) {
            return false;
        }
        this.a = array;
        this.o = offset;
        this.headerLength = hl;
        return true;
    }

    private static boolean optionsValid(byte[] a, int i, int end) {
        int count = 0;
        while (i < end) {
            int kind = a[i] & 0xFF;
            if (kind == 0) {
                return true;
            }
            if (++count > 64) {
                return false;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return false;
            }
            int len = a[i + 1] & 0xFF;
            if (len < 2 || i + len > end) {
                return false;
            }
            i += len;
        }
        return true;
    }

    private static int checksum(byte[] a, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long v = (long) I64.get(a, i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        for (; i + 2 <= end; i += 2) {
            sum += (short) U16.get(a, i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    int version() {
        return (a[o] & 0xFF) >>> 4;
    }

    int ihl() {
        return a[o] & 0xF;
    }

    int dscp() {
        return (a[o + 1] & 0xFF) >>> 2;
    }

    int ecn() {
        return a[o + 1] & 0x3;
    }

    int totalLength() {
        return (short) U16.get(a, o + 2) & 0xFFFF;
    }

    int identification() {
        return (short) U16.get(a, o + 4) & 0xFFFF;
    }

    boolean dontFragment() {
        return (a[o + 6] & 0x40) != 0;
    }

    boolean moreFragments() {
        return (a[o + 6] & 0x20) != 0;
    }

    int fragmentOffset() {
        return (short) U16.get(a, o + 6) & 0x1FFF;
    }

    int ttl() {
        return a[o + 8] & 0xFF;
    }

    int protocol() {
        return a[o + 9] & 0xFF;
    }

    int headerChecksum() {
        return (short) U16.get(a, o + 10) & 0xFFFF;
    }

    int source() {
        return (int) I32.get(a, o + 12);
    }

    int destination() {
        return (int) I32.get(a, o + 16);
    }

    int headerLength() {
        return headerLength;
    }
}
