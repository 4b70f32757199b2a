package io.zerowire.tap.device;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few libc calls a TAP device needs, bound with JNA's direct mapping: each call is a plain JNI
 * call, with no per-call reflection or argument boxing. Buffers are passed as {@link Pointer}s to
 * native memory the caller keeps, so no call copies or pins a Java array behind our back.
 *
 * <p>{@code open} and {@code ioctl} are variadic in C; they are bound here with the fixed arguments
 * this program passes, which the Linux x86-64 and AArch64 calling conventions pass exactly as they
 * would pass named arguments. {@code size_t} and {@code ssize_t} are {@code long}: the class refuses
 * to load on a 32-bit JVM (see {@link TapDevice}).
 */
final class LibC {
    static final int O_RDWR = 0x2;
    static final int O_CLOEXEC = 0x80000;

    /** {@code _IOW('T', 202, int)}: attach the file descriptor to a TUN/TAP device. */
    static final long TUNSETIFF = 0x400454CAL;
    static final short IFF_TAP = 0x0002;
    /** No 4-byte packet-information prefix: every read and write is exactly one Ethernet frame. */
    static final short IFF_NO_PI = 0x1000;
    /** {@code struct ifreq}: 16 bytes of name, then a union whose first member is the short flags. */
    static final int IFREQ_SIZE = 40;
    static final int IFREQ_FLAGS_OFFSET = 16;
    static final int IFNAMSIZ = 16;

    /** {@code struct pollfd}: int fd, short events, short revents. */
    static final int POLLFD_SIZE = 8;
    static final int POLLFD_EVENTS_OFFSET = 4;
    static final int POLLFD_REVENTS_OFFSET = 6;
    static final short POLLIN = 0x001;
    static final short POLLERR = 0x008;
    static final short POLLHUP = 0x010;
    static final short POLLNVAL = 0x020;

    static final int EINTR = 4;
    static final int EAGAIN = 11;

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {}

    static native int open(String path, int flags) throws LastErrorException;

    static native int ioctl(int fd, long request, Pointer argument) throws LastErrorException;

    static native int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

    static native long read(int fd, Pointer buffer, long count) throws LastErrorException;

    static native long write(int fd, Pointer buffer, long count) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
