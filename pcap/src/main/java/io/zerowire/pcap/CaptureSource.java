package io.zerowire.pcap;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a {@link CaptureReader} gets its bytes: a window of a {@code byte[]} over which the
 * generated views parse in place. {@link #ensure} makes a range of the file available in the window
 * and {@link #index} turns a file offset into an index of {@link #array()}.
 */
abstract class CaptureSource {
    /** The array the window lives in; may change when the window grows. */
    byte[] array;
    /** File offset of {@code array[windowStart]}. */
    long windowOffset;
    /** Array index of the window's first byte. */
    int windowStart;
    /** Array index one past the window's last valid byte. */
    int windowEnd;
    /** Bytes in the whole file. */
    final long size;

    CaptureSource(long size) {
        this.size = size;
    }

    /** The array of the window. */
    final byte[] array() {
        return array;
    }

    /** The array index of file offset {@code offset}, which a successful {@link #ensure} covered. */
    final int index(long offset) {
        return windowStart + (int) (offset - windowOffset);
    }

    /**
     * Makes the file's bytes {@code [offset, offset + min(length, size - offset))} available in the
     * window and returns how many that is: fewer than {@code length} only at the end of the file.
     * {@code length} must not exceed the largest window the source was built for.
     */
    abstract int ensure(long offset, int length);

    /** Releases what the source holds. */
    void close() {}

    /** A source over a caller's array: the window is the array, nothing is ever copied. */
    static final class ArraySource extends CaptureSource {
        ArraySource(byte[] bytes, int offset, int length) {
            super(length);
            this.array = bytes;
            this.windowOffset = 0;
            this.windowStart = offset;
            this.windowEnd = offset + length;
        }

        @Override
        int ensure(long offset, int length) {
            return (int) Math.min(length, size - offset);
        }
    }

    /**
     * A memory-mapped file, read through a window of one reused heap array.
     *
     * <p>A mapped region has no {@code byte[]}, and every view and {@code PacketBuffer} of this
     * project works over arrays, so the window is filled from the mapping with bulk absolute gets
     * (a memory copy from the page cache, with no system call) and the records are parsed in place
     * inside the window. A refill moves the unread tail of the window to its front and fills the
     * rest, so each byte is copied once however the records fall across refills. The file is mapped
     * in segments of at most {@code segmentSize} bytes (a mapping is limited to 2 GiB), all at open;
     * reading then allocates nothing, unless a block larger than the window arrives, when the
     * window grows once, bounded by the reader's limits and the file's size.
     */
    static final class MappedSource extends CaptureSource {
        /** The window's initial size. */
        static final int DEFAULT_WINDOW = 1 << 20;
        /** Bytes per mapping. */
        static final int DEFAULT_SEGMENT = 1 << 30;

        private MappedByteBuffer[] segments;
        private final int segmentSize;
        private final int maxWindow;

        private MappedSource(long size, MappedByteBuffer[] segments, int segmentSize, int window, int maxWindow) {
            super(size);
            this.segments = segments;
            this.segmentSize = segmentSize;
            this.maxWindow = maxWindow;
            this.array = new byte[(int) Math.min(size, window)];
            this.windowOffset = 0;
            this.windowStart = 0;
            this.windowEnd = 0;
        }

        static MappedSource open(Path path, int window, int segmentSize, int maxWindow) throws IOException {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = channel.size();
                int count = (int) ((size + segmentSize - 1) / segmentSize);
                MappedByteBuffer[] segments = new MappedByteBuffer[count];
                for (int i = 0; i < count; i++) {
                    long start = (long) i * segmentSize;
                    segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(segmentSize, size - start));
                }
                // The mappings stay valid after the channel is closed.
                return new MappedSource(size, segments, segmentSize, window, maxWindow);
            }
        }

        @Override
        int ensure(long offset, int length) {
            int want = (int) Math.min(length, size - offset);
            long validEnd = windowOffset + (windowEnd - windowStart);
            if (offset >= windowOffset && offset + want <= validEnd) {
                return want;
            }
            if (segments == null) {
                throw new IllegalStateException("the reader is closed");
            }
            if (want > maxWindow) {
                throw new IllegalArgumentException("a range of " + want + " bytes exceeds the window limit " + maxWindow);
            }
            byte[] target = array;
            if (want > target.length) {
                // Grows at most to the reader's limit and the file's size, never by a length alone.
                long grown = Math.max(want, Math.min(2L * target.length, maxWindow));
                target = new byte[(int) Math.min(grown, size)];
            }
            int keep = 0;
            if (offset >= windowOffset && offset < validEnd) {
                keep = (int) (validEnd - offset);
                System.arraycopy(array, index(offset), target, 0, keep);
            }
            int fill = (int) Math.min(target.length - keep, size - (offset + keep));
            copy(offset + keep, target, keep, fill);
            array = target;
            windowOffset = offset;
            windowStart = 0;
            windowEnd = keep + fill;
            return want;
        }

        private void copy(long position, byte[] target, int at, int length) {
            while (length > 0) {
                int segment = (int) (position / segmentSize);
                int within = (int) (position - (long) segment * segmentSize);
                MappedByteBuffer mapped = segments[segment];
                int chunk = Math.min(length, mapped.limit() - within);
                mapped.get(within, target, at, chunk);
                position += chunk;
                at += chunk;
                length -= chunk;
            }
        }

        @Override
        void close() {
            segments = null; // unmapped when collected; Java 17 offers no explicit unmap
        }
    }
}
