package io.zerowire.tap.device;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.zerowire.buffer.PacketBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Linux TAP device: a virtual Ethernet link whose other end is this program. Every
 * {@link #receive} returns one Ethernet frame the kernel sent on the link, every {@link #send}
 * hands the kernel one frame as if it had arrived on the wire.
 *
 * <p>Opening {@code /dev/net/tun} and attaching with {@code TUNSETIFF} ({@code IFF_TAP | IFF_NO_PI},
 * so frames carry no packet-information prefix) creates the device if it does not exist; it
 * disappears when the last file descriptor is closed, unless it was made persistent
 * ({@code ip tuntap add}). The device may be moved to another network namespace
 * ({@code ip link set NAME netns NS}) while it is open: the descriptor stays attached and the kernel
 * peer then lives in that namespace.
 *
 * <pre>{@code
 * try (TapDevice tap = TapDevice.open("zw0")) {
 *     byte[] frame = new byte[TapDevice.MAX_FRAME_LENGTH];      // one buffer for every frame
 *     int length = tap.receive(frame, 100);                     // 0 when nothing came in 100 ms
 *     if (length > 0) {
 *         tap.send(frame, 0, length);                           // a frame back to the kernel
 *     }
 * }
 * }</pre>
 *
 * <p><b>Copies.</b> A read or write on a TAP device is a copy by nature: the kernel copies the frame
 * between its socket buffer and user memory. Here that user memory is native memory allocated once
 * per device, and JNA copies it once more into or out of the caller's heap array, which is what the
 * Zerowire views work on. Nothing is allocated per frame.
 *
 * <p>{@link #receive} is for one thread (the device's receive loop); {@link #send} may be called from
 * any thread.
 */
public final class TapDevice implements AutoCloseable {
    /** The longest frame a TAP device can carry: the largest MTU plus an Ethernet header with one VLAN tag. */
    public static final int MAX_FRAME_LENGTH = 65_535 + 18;

    private static final String CLONE_DEVICE = "/dev/net/tun";

    private final String name;
    private final int fd;
    private final Memory pollFd = new Memory(LibC.POLLFD_SIZE);
    private final Memory receiveStage = new Memory(MAX_FRAME_LENGTH);
    private final Memory sendStage = new Memory(MAX_FRAME_LENGTH);
    /** Held while receiving, so that {@link #close} never frees memory a poll or read is using. */
    private final ReentrantLock receiving = new ReentrantLock();
    private volatile boolean closed;

    private TapDevice(String name, int fd) {
        this.name = name;
        this.fd = fd;
        pollFd.setInt(0, fd);
        pollFd.setShort(LibC.POLLFD_EVENTS_OFFSET, LibC.POLLIN);
    }

    /**
     * Opens (and creates if needed) the TAP device {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid interface name (1 to 15
     *     bytes, no {@code /}, {@code :} or white space, not {@code .} or {@code ..})
     * @throws TapException if the kernel refuses: without CAP_NET_ADMIN, with no
     *     {@code /dev/net/tun}, or when the name belongs to a device of another kind
     * @throws UnsupportedOperationException on a JVM that is not 64-bit
     */
    public static TapDevice open(String name) throws TapException {
        byte[] encoded = checkName(name);
        if (Native.SIZE_T_SIZE != Long.BYTES) {
            throw new UnsupportedOperationException("TAP access is bound for 64-bit Linux; size_t here is "
                    + Native.SIZE_T_SIZE + " bytes");
        }
        int fd;
        try {
            fd = LibC.open(CLONE_DEVICE, LibC.O_RDWR | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new TapException(name, "open(" + CLONE_DEVICE + ")", e.getErrorCode(), e.getMessage());
        }
        try (Memory ifreq = new Memory(LibC.IFREQ_SIZE)) {
            ifreq.clear();
            ifreq.write(0, encoded, 0, encoded.length);
            ifreq.setShort(LibC.IFREQ_FLAGS_OFFSET, (short) (LibC.IFF_TAP | LibC.IFF_NO_PI));
            LibC.ioctl(fd, LibC.TUNSETIFF, ifreq);
            // The kernel writes the name back: the one it chose if ours held a %d pattern.
            String actual = ifreq.getString(0, StandardCharsets.US_ASCII.name());
            return new TapDevice(actual, fd);
        } catch (LastErrorException e) {
            closeQuietly(fd);
            throw new TapException(name, "ioctl(TUNSETIFF)", e.getErrorCode(), e.getMessage());
        }
    }

    /**
     * Checks that {@code name} can name a network interface, as {@link #open} requires.
     *
     * @return the name's bytes
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static byte[] checkName(String name) {
        Objects.requireNonNull(name, "name");
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        boolean valid = !name.isEmpty() && bytes.length < LibC.IFNAMSIZ && !name.equals(".") && !name.equals("..")
                && name.chars().allMatch(c -> c > ' ' && c < 0x7F && c != '/' && c != ':');
        if (!valid) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid interface name: 1 to "
                    + (LibC.IFNAMSIZ - 1) + " printable ASCII characters, without '/', ':' or spaces");
        }
        return bytes;
    }

    /** The device's name, as the kernel knows it. */
    public String name() {
        return name;
    }

    /**
     * Waits up to {@code timeoutMillis} for a frame and copies it to the start of {@code into}.
     *
     * @return the frame's length, or 0 if none arrived in time (or the wait was interrupted by a
     *     signal); a frame longer than {@code into} is cut to its length
     * @throws TapException if polling or reading fails, or the device was closed
     */
    public int receive(byte[] into, int timeoutMillis) throws TapException {
        receiving.lock();
        try {
            checkOpen();
            pollFd.setShort(LibC.POLLFD_REVENTS_OFFSET, (short) 0);
            if (LibC.poll(pollFd, 1, timeoutMillis) == 0) {
                return 0;
            }
            short events = pollFd.getShort(LibC.POLLFD_REVENTS_OFFSET);
            if ((events & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0) {
                throw new TapException(name, "poll", 0, "the device reported poll events 0x" + Integer.toHexString(events));
            }
            int wanted = Math.min(into.length, MAX_FRAME_LENGTH);
            int length = (int) Math.min(LibC.read(fd, receiveStage, wanted), wanted);
            receiveStage.read(0, into, 0, length);
            return length;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.EINTR || e.getErrorCode() == LibC.EAGAIN) {
                return 0;
            }
            throw new TapException(name, "poll/read", e.getErrorCode(), e.getMessage());
        } finally {
            receiving.unlock();
        }
    }

    /**
     * Hands the kernel one frame, {@code array[offset, offset + length)}.
     *
     * @throws IllegalArgumentException if the frame is longer than {@link #MAX_FRAME_LENGTH}
     * @throws TapException if the write fails (EIO while the device is down in its namespace) or
     *     the device was closed
     */
    public synchronized void send(byte[] array, int offset, int length) throws TapException {
        checkOpen();
        Objects.checkFromIndexSize(offset, length, array.length);
        if (length > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("a frame of " + length + " bytes is longer than a TAP device carries ("
                    + MAX_FRAME_LENGTH + ")");
        }
        sendStage.write(0, array, offset, length);
        long written;
        try {
            written = LibC.write(fd, sendStage, length);
        } catch (LastErrorException e) {
            throw new TapException(name, "write", e.getErrorCode(), e.getMessage());
        }
        if (written != length) {
            throw new TapException(name, "write", 0, "wrote " + written + " of " + length + " bytes");
        }
    }

    /** Hands the kernel the body of {@code frame}, one whole Ethernet frame. */
    public void send(PacketBuffer frame) throws TapException {
        send(frame.array(), frame.bodyStart(), frame.bodyLength());
    }

    /**
     * Closes the descriptor; a device that is not persistent disappears with it. A {@link #receive}
     * in progress on another thread finishes first (within its timeout): closing does not wake it.
     */
    @Override
    public synchronized void close() {
        receiving.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(fd);
            pollFd.close();
            receiveStage.close();
            sendStage.close();
        } finally {
            receiving.unlock();
        }
    }

    private void checkOpen() throws TapException {
        if (closed) {
            throw new TapException(name, "use", 0, "the device is closed");
        }
    }

    private static void closeQuietly(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            // Nothing useful can be done about a failed close; the descriptor is gone either way.
        }
    }

    @Override
    public String toString() {
        return "TapDevice[" + name + (closed ? ", closed" : "") + "]";
    }
}
