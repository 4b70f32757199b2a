package io.zerowire.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Where a {@link CaptureReader} gets its bytes: a window of a {@code byte[]} over which the
 * generated views parse in place. {@link #ensure} makes a range of the input available in the window
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
    /** Bytes in the whole input; -1 while a stream has not reached its end. */
    long size;

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

    /**
     * How many of the bytes {@code [offset, offset + length)} the input has: fewer than {@code length}
     * only at its end. A file or an array answers from its size without copying anything; a stream
     * has to read them (into the window) to know.
     */
    int available(long offset, int length) {
        return (int) Math.min(length, size - offset);
    }

    /** Releases what the source holds. */
    void close() {}

    /**
     * The file shrank under a {@link MappedSource} while it was read: the bytes at the end of the
     * mapping are gone. The reader turns it into a {@link CaptureFormatException} of
     * {@link CaptureFormatException.Reason#FILE_SHRANK}, with its position and count.
     */
    static final class FileShrankException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final long sizeBefore;
        final long sizeNow;

        FileShrankException(long sizeBefore, long sizeNow) {
            super("the file shrank from " + sizeBefore + " to " + sizeNow + " bytes while it was read", null, false, false);
            this.sizeBefore = sizeBefore;
            this.sizeNow = sizeNow;
        }
    }

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
     *
     * <p><b>A file that shrinks while it is read.</b> Reading a mapped page past the end of a file
     * that was truncated after it was mapped (log rotation, {@code tcpdump -C/-W} ring files) raises
     * SIGBUS, which the JVM turns into a {@code java.lang.InternalError} ("a fault occurred in a
     * recent unsafe memory access operation") that it delivers asynchronously, at the thread's next
     * safepoint check, and the faulting copy leaves stale bytes behind. So the file stays open and
     * every refill, right after its bulk copy, asks it for the file's size (one {@code fstat} per
     * window, about a microsecond per megabyte): that call is where a pending fault of the copy
     * surfaces, and a size below the end of the copied range means the copy cannot be trusted,
     * fault or not. Either way the refill throws {@link FileShrankException}, which the reader turns
     * into its typed error. An {@code InternalError} is translated only when the file did shrink
     * below the range copied; any other one is the JVM's own and is rethrown.
     */
    static final class MappedSource extends CaptureSource {
        /** The window's initial size. */
        static final int DEFAULT_WINDOW = 1 << 20;
        /** Bytes per mapping. */
        static final int DEFAULT_SEGMENT = 1 << 30;

        /** How long {@link #absorbPendingFault} waits for a fault the JVM has not delivered yet. */
        private static final long FAULT_DELIVERY_NANOS = 20_000_000L;

        /**
         * Kept open for its size only, asked through {@link RandomAccessFile#length()}: a direct
         * {@code fstat}. A {@code FileChannel}'s {@code size()} registers the thread with the channel
         * first, and a fault delivered inside that bookkeeping leaves the channel believing a thread
         * is still in it, so that {@code close()} waits forever (seen: a hung {@code stats}).
         */
        private final RandomAccessFile file;
        private MappedByteBuffer[] segments;
        private final int segmentSize;
        private final int maxWindow;

        private MappedSource(RandomAccessFile file, long size, MappedByteBuffer[] segments, int segmentSize, int window,
                int maxWindow) {
            super(size);
            this.file = file;
            this.segments = segments;
            this.segmentSize = segmentSize;
            this.maxWindow = maxWindow;
            this.array = new byte[(int) Math.min(size, window)];
            this.windowOffset = 0;
            this.windowStart = 0;
            this.windowEnd = 0;
        }

        static MappedSource open(Path path, int window, int segmentSize, int maxWindow) throws IOException {
            RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
            try {
                FileChannel channel = file.getChannel();
                long size = file.length();
                int count = (int) ((size + segmentSize - 1) / segmentSize);
                MappedByteBuffer[] segments = new MappedByteBuffer[count];
                for (int i = 0; i < count; i++) {
                    long start = (long) i * segmentSize;
                    segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(segmentSize, size - start));
                }
                // The mappings would stay valid without the file; it is kept to check the file's size.
                return new MappedSource(file, size, segments, segmentSize, window, maxWindow);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
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
            long end = position + length;
            try {
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
                // The file's size now; also the call at which a fault of the gets above surfaces.
                long now = sizeNow();
                if (now >= 0 && now < end) {
                    absorbPendingFault();
                    throw new FileShrankException(size, now);
                }
            } catch (InternalError e) {
                long now = sizeNow();
                if (now >= 0 && now < end) {
                    throw new FileShrankException(size, now);
                }
                throw e; // not a mapped page past the end of the file: the JVM's own error
            }
        }

        /** The file's current size, or -1 if it cannot be told. */
        private long sizeNow() {
            try {
                return file.length();
            } catch (IOException e) {
                return -1;
            }
        }

        /**
         * The file shrank below what was just copied, but the copy's fault (if it faulted: the file
         * may have shrunk just after it) has not surfaced yet. It would surface at some later
         * safepoint check, perhaps in the caller's code, as an {@code InternalError} nobody expects;
         * a short loop, whose back edges are safepoint checks, takes it here instead.
         */
        private static void absorbPendingFault() {
            long start = System.nanoTime();
            try {
                while (System.nanoTime() - start < FAULT_DELIVERY_NANOS) {
                    Thread.onSpinWait();
                }
            } catch (InternalError e) {
                // the copy's fault, delivered: the FileShrankException that follows reports it
            }
        }

        @Override
        void close() {
            segments = null; // unmapped when collected; Java 17 offers no explicit unmap
            try {
                file.close();
            } catch (IOException e) {
                // nothing was written; a read-only file that fails to close leaks nothing to report
            }
        }
    }

    /**
     * A stream: standard input, a pipe, a FIFO, a character device, a socket. Read through one heap
     * window like a mapped file, filled by {@link InputStream#read(byte[], int, int)} straight into
     * the array; the reader asks only for the bytes of the structure it is parsing, so a record is
     * delivered as soon as its last byte arrives and a slow writer is simply waited for. The window
     * keeps the bytes from the oldest offset still asked for; a refill that reaches the array's end
     * moves them to its front, and the array grows (doubling, never past the reader's limits) only
     * when one structure fills it, so memory follows the bytes that actually arrived, not the lengths
     * the input claims. In the steady state reading allocates nothing.
     *
     * <p>The size is unknown (-1) until the stream ends. An {@link IOException} of the stream is
     * thrown as an {@link UncheckedIOException}.
     */
    static final class StreamSource extends CaptureSource {
        /** The window's initial size. */
        static final int DEFAULT_WINDOW = 1 << 16;

        private InputStream in;
        private final int maxWindow;

        StreamSource(InputStream in, int window, int maxWindow) {
            super(-1);
            this.in = in;
            this.maxWindow = maxWindow;
            this.array = new byte[Math.max(16, Math.min(window, maxWindow))];
            this.windowOffset = 0;
            this.windowStart = 0;
            this.windowEnd = 0;
        }

        @Override
        int ensure(long offset, int length) {
            long validEnd = windowOffset + (windowEnd - windowStart);
            if (offset >= windowOffset && offset + length <= validEnd) {
                return length;
            }
            if (in == null) {
                throw new IllegalStateException("the reader is closed");
            }
            if (offset < windowOffset) {
                throw new IllegalArgumentException("offset " + offset + " was before the window at " + windowOffset
                        + ": a stream cannot go back");
            }
            if (length > maxWindow) {
                throw new IllegalArgumentException("a range of " + length + " bytes exceeds the window limit " + maxWindow);
            }
            if (offset >= validEnd) {
                skipTo(offset);
                windowStart = 0;
                windowEnd = 0;
            } else {
                windowStart += (int) (offset - windowOffset);
            }
            windowOffset = offset;
            while (windowEnd - windowStart < length && size < 0) {
                if (windowEnd == array.length) {
                    makeRoom();
                }
                int read = read(array, windowEnd, array.length - windowEnd);
                if (read < 0) {
                    size = windowOffset + (windowEnd - windowStart);
                } else {
                    windowEnd += read;
                }
            }
            return Math.min(length, windowEnd - windowStart);
        }

        @Override
        int available(long offset, int length) {
            return ensure(offset, length);
        }

        /** Moves the wanted bytes to the array's front, or grows the array if they fill it. */
        private void makeRoom() {
            int kept = windowEnd - windowStart;
            if (windowStart > 0) {
                System.arraycopy(array, windowStart, array, 0, kept);
            } else {
                // The bytes of one structure fill the array: double it (ensure checked the limit).
                byte[] grown = new byte[(int) Math.min(2L * array.length, maxWindow)];
                System.arraycopy(array, 0, grown, 0, kept);
                array = grown;
            }
            windowStart = 0;
            windowEnd = kept;
        }

        /** Reads and drops the bytes from the window's end up to {@code offset} (the reader never skips ahead today). */
        private void skipTo(long offset) {
            long at = windowOffset + (windowEnd - windowStart);
            while (at < offset) {
                int read = read(array, 0, (int) Math.min(offset - at, array.length));
                if (read < 0) {
                    size = at;
                    return;
                }
                at += read;
            }
        }

        private int read(byte[] target, int at, int length) {
            try {
                int read;
                do {
                    read = in.read(target, at, length);
                } while (read == 0); // a stream that returns nothing without blocking: ask again
                return read;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void close() {
            InputStream stream = in;
            in = null;
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // nothing was written; closing an input that fails has nothing to report
                }
            }
        }
    }
}
