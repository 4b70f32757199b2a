package io.zerowire.benchmarks.language;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * GRE by hand over {@code byte[]} with {@code VarHandle} reads, making the checks Zerowire's
 * generated view makes: the 4 fixed bytes, version 0, and every word the C, K and S flags announce
 * inside the message. The practical limit for the optional-field scenario.
 */
public final class HandGre {
    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final GreMessages m;

    HandGre(GreMessages messages) {
        this.m = messages;
    }

    /** Reads {@code g}; false when it is not a GRE header of version 0 with all its words present. */
    public static boolean parse(byte[] g, GreFields out) {
        if (g.length < 4) {
            return false;
        }
        int flags = (short) U16.get(g, 0) & 0xFFFF;
        if ((flags & 7) != 0) {
            return false;
        }
        boolean c = (flags & 0x8000) != 0;
        boolean k = (flags & 0x2000) != 0;
        boolean s = (flags & 0x1000) != 0;
        int at = 4;
        int length = at + (c ? 4 : 0) + (k ? 4 : 0) + (s ? 4 : 0);
        if (g.length < length) {
            return false;
        }
        at += c ? 4 : 0;
        out.protocolType = (short) U16.get(g, 2) & 0xFFFF;
        out.key = k ? (int) U32.get(g, at) & 0xFFFF_FFFFL : -1;
        at += k ? 4 : 0;
        out.sequence = s ? (int) U32.get(g, at) & 0xFFFF_FFFFL : -1;
        out.payloadOffset = length;
        return true;
    }

    /** Message {@code i} into {@code into} from offset 0: header with K and S, then the payload. */
    public int write(int i, byte[] into) {
        U16.set(into, 0, (short) 0x3000);
        U16.set(into, 2, (short) m.protocolType[i]);
        U32.set(into, 4, (int) m.key[i]);
        U32.set(into, 8, (int) m.sequence[i]);
        System.arraycopy(m.payload, 0, into, 12, m.payload.length);
        return 12 + m.payload.length;
    }

    byte[] fresh(int i) {
        byte[] message = new byte[12 + m.payload.length];
        write(i, message);
        return message;
    }
}
