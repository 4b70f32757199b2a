package io.zerowire.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Capture files written byte by byte, independently of the layouts and writers under test, so that
 * tests can state exactly what is in a file (including what a correct writer never produces).
 */
final class CaptureBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean big;

    private CaptureBytes(boolean big) {
        this.big = big;
    }

    static CaptureBytes littleEndian() {
        return new CaptureBytes(false);
    }

    static CaptureBytes bigEndian() {
        return new CaptureBytes(true);
    }

    /** Switches the byte order for what follows (a new pcapng section). */
    CaptureBytes order(boolean bigEndian) {
        this.big = bigEndian;
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    CaptureBytes u8(int v) {
        out.write(v);
        return this;
    }

    CaptureBytes u16(int v) {
        if (big) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    CaptureBytes u32(long v) {
        if (big) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
        } else {
            for (int shift = 0; shift <= 24; shift += 8) {
                out.write((int) (v >>> shift));
            }
        }
        return this;
    }

    CaptureBytes u64(long v) {
        if (big) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
        } else {
            for (int shift = 0; shift <= 56; shift += 8) {
                out.write((int) (v >>> shift));
            }
        }
        return this;
    }

    CaptureBytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    CaptureBytes zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    // --- pcap ------------------------------------------------------------------------------

    /** A pcap file header; the magic is written in this writer's byte order. */
    CaptureBytes pcapHeader(boolean nanosecond, long snapLength, long linkTypeField) {
        return u32(nanosecond ? 0xA1B23C4DL : 0xA1B2C3D4L).u16(2).u16(4).u32(0).u32(0).u32(snapLength).u32(linkTypeField);
    }

    CaptureBytes pcapRecord(long seconds, long fraction, byte[] data, long originalLength) {
        return u32(seconds).u32(fraction).u32(data.length).u32(originalLength).raw(data);
    }

    /** A record header that claims {@code includedLength} bytes, followed by {@code data}. */
    CaptureBytes pcapRecordClaiming(long seconds, long fraction, long includedLength, byte[] data, long originalLength) {
        return u32(seconds).u32(fraction).u32(includedLength).u32(originalLength).raw(data);
    }

    // --- pcapng ----------------------------------------------------------------------------

    /** A block of {@code type} around {@code body} (padded to 4 bytes), with matching lengths. */
    CaptureBytes block(long type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        long length = 12 + padded;
        return u32(type).u32(length).raw(body).zeros(padded - body.length).u32(length);
    }

    /** Body bytes in this writer's byte order. */
    CaptureBytes body() {
        return new CaptureBytes(big);
    }

    CaptureBytes shb() {
        return shb(new byte[0]);
    }

    CaptureBytes shb(byte[] options) {
        return block(0x0A0D0D0AL, body().u32(0x1A2B3C4DL).u16(1).u16(0).u64(-1).raw(options).bytes());
    }

    CaptureBytes idb(int linkType, long snapLength) {
        return idb(linkType, snapLength, new byte[0]);
    }

    CaptureBytes idb(int linkType, long snapLength, byte[] options) {
        return block(1, body().u16(linkType).u16(0).u32(snapLength).raw(options).bytes());
    }

    /** One option (code, value padded to 4). */
    CaptureBytes option(int code, byte[] value) {
        u16(code).u16(value.length).raw(value);
        return zeros(-value.length & 3);
    }

    CaptureBytes endOfOptions() {
        return u32(0);
    }

    /** Options: if_tsresol. */
    byte[] tsresol(int value) {
        return body().option(9, new byte[] {(byte) value}).endOfOptions().bytes();
    }

    CaptureBytes epb(long interfaceId, long timestamp, byte[] data, long originalLength) {
        return epb(interfaceId, timestamp, data, originalLength, new byte[0]);
    }

    CaptureBytes epb(long interfaceId, long timestamp, byte[] data, long originalLength, byte[] options) {
        CaptureBytes body = body().u32(interfaceId).u32(timestamp >>> 32).u32(timestamp & 0xFFFFFFFFL)
                .u32(data.length).u32(originalLength).raw(data).zeros(-data.length & 3).raw(options);
        return block(6, body.bytes());
    }

    CaptureBytes pb(int interfaceId, long timestamp, byte[] data, long originalLength) {
        CaptureBytes body = body().u16(interfaceId).u16(0xFFFF).u32(timestamp >>> 32).u32(timestamp & 0xFFFFFFFFL)
                .u32(data.length).u32(originalLength).raw(data);
        return block(2, body.bytes());
    }

    CaptureBytes spb(long originalLength, byte[] data) {
        return block(3, body().u32(originalLength).raw(data).bytes());
    }

    CaptureBytes nrb() {
        byte[] name = "host.example\0".getBytes(StandardCharsets.US_ASCII);
        CaptureBytes body = body().u16(1).u16(4 + name.length).raw(new byte[] {10, 0, 0, 1}).raw(name)
                .zeros(-(4 + name.length) & 3).u16(0).u16(0);
        return block(4, body.bytes());
    }

    CaptureBytes isb(int interfaceId) {
        return block(5, body().u32(interfaceId).u32(0).u32(0).bytes());
    }

    CaptureBytes custom() {
        return block(0x00000BADL, body().u32(32473).raw("zerowire custom data".getBytes(StandardCharsets.US_ASCII)).bytes());
    }

    static byte[] packet(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed * 31 + i * 7);
        }
        return data;
    }
}
